#include <nlohmann/json.hpp>

#include "app/accounts/carer_sign_up.hpp"
#include "app/families/family_access.hpp"
#include "app/kernel/errors.hpp"
#include "domain/kernel/numbers.hpp"
#include "web/families/family_json.hpp"
#include "web/kernel/application.hpp"

namespace waypoint::web {
namespace {

std::string family_path(std::int64_t pupil_id) { return "/pupils/" + std::to_string(pupil_id) + "/family"; }

// The school's page of who can see the child as a parent or carer. `sent` is shown once, after an
// invitation: with the link itself when this Waypoint has no mail to send it by.
Response family_page(RequestContext& ctx, std::int64_t pupil_id, const domain::FieldErrors& errors, int status,
                     const std::optional<app::InvitationSent>& sent = std::nullopt) {
  const auto v = app::family_access(ctx.services, ctx.actor(), pupil_id);
  auto data = family_access_json(v);
  const auto name = v.pupil.given_name + " " + v.pupil.family_name;
  data["title"] = "Parents and carers in Waypoint";
  data["pupil_name"] = name;
  data["given_name"] = v.pupil.given_name;
  data["has_invitable"] = !v.invitable.empty();
  data["has_invitations"] = !v.invitations.empty();
  data["has_carers"] = !v.carers.empty();
  const auto done = ctx.request.query_value("done");
  data["notice"] = done == "invited" || done == "ended";
  data["notice_text"] = done == "invited" ? "Invitation sent by e-mail" : "Their access has ended";
  if (sent) {
    data["sent"] = {{"expires_at_text", domain::uk_time_text(sent->expires_at)}, {"link", sent->link.value_or("")}};
  }
  add_errors(data, errors);
  // The reason typed for ending a carer's access comes back beside that carer's button.
  const auto ending = domain::parse_whole_number(ctx.request.field("user_id")).value_or(0);
  for (auto& c : data["carers"]) {
    const auto id = c["user_id"].get<std::int64_t>();
    c["reason_field"] = input_field(data, {.id = id == ending ? "reason" : "reason_" + std::to_string(id),
                                           .label = "Why their access ends",
                                           .value = id == ending ? ctx.request.field("reason") : "",
                                           .hint = "Like: parental responsibility ended, or a court order"});
  }
  return ctx.page("families/family", std::move(data), status);
}

Response invitation_page(RequestContext& ctx, const std::string& token, const domain::FieldErrors& errors, int status) {
  nlohmann::json data{{"title", "Set up your Waypoint account"}, {"token", token}};
  try {
    const auto link = app::open_invitation(ctx.services, token);
    data["carer_name"] = link.carer_name;
    data["email"] = link.email;
    data["school_name"] = link.school_name;
    data["has_account"] = link.has_account;
    data["for_pupil"] = link.for_pupil;
    data["usable"] = true;
  } catch (const app::Invalid& e) {
    data["title"] = "This invitation cannot be used";
    data["refusal"] = e.errors().front().message;
    data["usable"] = false;
    return ctx.page("families/invitation", std::move(data), 410);
  }
  add_errors(data, errors);
  data["fields"]["password"] =
      input_field(data, {.id = "password",
                         .label = "Create a password",
                         .type = "password",
                         .autocomplete = "new-password",
                         .hint = "At least " + std::to_string(ctx.services.settings.password.min_length) +
                                 " characters. A few unrelated words work well"});
  data["fields"]["confirm_password"] = input_field(data, {.id = "confirm_password",
                                                          .label = "Type the password again",
                                                          .type = "password",
                                                          .autocomplete = "new-password"});
  return ctx.page("families/invitation", std::move(data), status);
}

}  // namespace

void add_family_routes(Router& r) {
  r.add("GET", "/pupils/{id}/family",
        [](Request& req, RequestContext& ctx) { return family_page(ctx, id_param(req, "id"), {}, 200); });

  r.add("POST", "/pupils/{id}/family/invitations", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    try {
      const auto sent = app::invite_carer(ctx.services, ctx.actor(), id, req.field("contact_id"));
      if (!sent.link) return Response::redirect(family_path(id) + "?done=invited");
      return family_page(ctx, id, {}, 200, sent);
    } catch (const app::Invalid& e) {
      return family_page(ctx, id, e.errors(), 422);
    }
  });

  r.add("POST", "/pupils/{id}/family/{user}/end", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    try {
      app::end_carer_access(ctx.services, ctx.actor(), id, id_param(req, "user"), req.field("reason"));
    } catch (const app::Invalid& e) {
      req.form["user_id"] = req.params["user"];
      return family_page(ctx, id, e.errors(), 422);
    }
    return Response::redirect(family_path(id) + "?done=ended");
  });

  // The carer's side: no one is signed in; the token in the link is the key.
  r.add("GET", "/invitation/{token}",
        [](Request& req, RequestContext& ctx) { return invitation_page(ctx, req.params["token"], {}, 200); });

  r.add("POST", "/invitation/{token}", [](Request& req, RequestContext& ctx) {
    const auto token = req.params["token"];
    try {
      app::accept_invitation(ctx.services, token, req.field("password"), req.field("confirm_password"), req.client);
    } catch (const app::Invalid& e) {
      return invitation_page(ctx, token, e.errors(), 422);
    }
    return Response::redirect("/sign-in?invited=1");
  });
}

}  // namespace waypoint::web
