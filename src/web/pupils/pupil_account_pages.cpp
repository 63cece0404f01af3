// The pupil's own account: the headteacher's choice for the school, the school's page to invite a
// pupil and end their account (pages and API), and the pupil's own "how is it going" form.
#include <nlohmann/json.hpp>

#include "app/kernel/errors.hpp"
#include "app/pupils/pupil_accounts.hpp"
#include "app/pupils/pupil_voice.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/numbers.hpp"
#include "domain/kernel/time.hpp"
#include "domain/pupils/pupil_voice.hpp"
#include "web/kernel/application.hpp"
#include "web/kernel/json_body.hpp"
#include "web/pupils/pupil_voice_json.hpp"

namespace waypoint::web {
namespace {

std::string own_account_path(std::int64_t pupil_id) { return "/pupils/" + std::to_string(pupil_id) + "/own-account"; }

nlohmann::json pupil_account_json(const app::PupilAccountView& v) {
  nlohmann::json invitations = nlohmann::json::array();
  for (const auto& i : v.invitations)
    invitations.push_back({{"id", i.row.id},
                           {"email", i.row.email},
                           {"invited_by", i.row.invited_by_name},
                           {"invited_at", i.row.invited_at},
                           {"invited_at_text", domain::uk_time_text(i.row.invited_at)},
                           {"expires_at", i.row.expires_at},
                           {"expires_at_text", domain::uk_time_text(i.row.expires_at)},
                           {"state", std::string(domain::invitation_state_label(i.state))}});
  nlohmann::json accounts = nlohmann::json::array();
  for (const auto& a : v.accounts)
    accounts.push_back({{"user_id", a.user_id},
                        {"email", a.email},
                        {"linked_at", a.linked_at},
                        {"linked_at_text", domain::uk_time_text(a.linked_at)},
                        {"ended_at", a.ended_at ? nlohmann::json(*a.ended_at) : nlohmann::json()},
                        {"ended_at_text", a.ended_at ? domain::uk_time_text(*a.ended_at) : ""},
                        {"end_reason", a.end_reason.value_or("")},
                        {"current", !a.ended_at.has_value()}});
  return {{"school_gives_accounts", v.school_gives_accounts},
          {"can_invite", !v.cannot_invite.has_value()},
          {"cannot_invite", v.cannot_invite.value_or("")},
          {"school_domain", v.school_domain},
          {"invitations", std::move(invitations)},
          {"accounts", std::move(accounts)}};
}

Response own_account_page(RequestContext& ctx, std::int64_t pupil_id, const domain::FieldErrors& errors, int status,
                          const std::optional<app::InvitationSent>& sent = std::nullopt) {
  const auto v = app::pupil_account_of(ctx.services, ctx.actor(), pupil_id);
  auto data = pupil_account_json(v);
  const auto& r = ctx.request;
  data["title"] = v.pupil.given_name + "'s own account";
  data["pupil_id"] = pupil_id;
  data["given_name"] = v.pupil.given_name;
  data["pupil_name"] = v.pupil.given_name + " " + v.pupil.family_name;
  data["has_invitations"] = !v.invitations.empty();
  data["has_accounts"] = !v.accounts.empty();
  const auto done = r.query_value("done");
  data["notice"] = done == "invited" || done == "ended";
  data["notice_text"] = done == "invited" ? "Invitation sent by e-mail" : "The account has ended";
  if (sent)
    data["sent"] = {{"expires_at_text", domain::uk_time_text(sent->expires_at)}, {"link", sent->link.value_or("")}};
  add_errors(data, errors);
  data["fields"]["email"] =
      input_field(data, {.id = "email",
                         .label = "Their school email address",
                         .value = r.field("email"),
                         .type = "email",
                         .autocomplete = "off",
                         .hint = "An address of the school's, ending @" + v.school_domain + ", not a personal one"});
  const auto ending = domain::parse_whole_number(r.field("user_id")).value_or(0);
  for (auto& a : data["accounts"]) {
    const auto id = a["user_id"].get<std::int64_t>();
    a["reason_field"] = input_field(data, {.id = id == ending ? "reason" : "reason_" + std::to_string(id),
                                           .label = "Why the account ends",
                                           .value = id == ending ? r.field("reason") : "",
                                           .hint = "Like: left the school, or asked by the pupil"});
  }
  return ctx.page("pupils/own_account", std::move(data), status);
}

Response choice_page(RequestContext& ctx, const domain::FieldErrors& errors, int status) {
  const bool allowed = app::school_gives_pupil_accounts(ctx.services, ctx.actor());
  nlohmann::json data{
      {"title", "Pupils' own accounts"}, {"allowed", allowed}, {"notice", ctx.request.query_value("done") == "chosen"}};
  add_errors(data, errors);
  auto field = input_field(data, {.id = "allowed",
                                  .label = "Does the school give its pupils of 11 and over their own accounts?",
                                  .hint = "Staff still invite each pupil, one at a time"});
  const auto chosen = ctx.request.field("allowed");
  field["items"] = checkboxes("allowed", {{"yes", "Yes"}, {"no", "No"}},
                              {chosen.empty() ? std::string(allowed ? "yes" : "no") : chosen});
  data["fields"]["allowed"] = field;
  return ctx.page("pupils/pupil_accounts_choice", std::move(data), status);
}

domain::PupilVoiceInput own_input(const std::function<std::string(const char*)>& value) {
  return {"",
          value("feeling"),
          value("helps"),
          value("does_not_help"),
          value("wants_next"),
          value("back_to_school"),
          "in_waypoint"};
}

Response how_is_it_going_page(RequestContext& ctx, std::int64_t pupil_id, const domain::FieldErrors& errors,
                              int status) {
  const auto v = app::pupil_voices(ctx.services, ctx.actor(), pupil_id);
  const auto& r = ctx.request;
  nlohmann::json data{{"title", "How is it going?"},
                      {"pupil_id", pupil_id},
                      {"answers", pupil_voices_json(v.answers)},
                      {"has_answers", !v.answers.empty()},
                      {"asked_this_half_term", v.asked_this_half_term},
                      {"notice", r.query_value("done") == "sent"}};
  add_errors(data, errors);
  auto& f = data["fields"];
  const auto radios = [&](const char* id, const char* label, const std::vector<domain::CodeLabel>& list) {
    auto field = input_field(data, {.id = id, .label = label});
    field["items"] = checkboxes(id, list, {r.field(id)});
    f[id] = field;
  };
  radios("feeling", "How do you feel it is going?", domain::voice_feelings());
  for (const auto& [id, label, hint] : std::vector<std::tuple<const char*, const char*, const char*>>{
           {"helps", "What helps you?", "Anything at all: people, lessons, times of day"},
           {"does_not_help", "What does not help?", "You can leave this empty"},
           {"wants_next", "What would you like to happen next?", "You can leave this empty"}})
    f[id] = input_field(data, {.id = id, .label = label, .value = r.field(id), .hint = hint});
  radios("back_to_school", "Do you want to go back to school?", domain::voice_back_to_school());
  return ctx.page("pupils/how_is_it_going", std::move(data), status);
}

}  // namespace

void add_pupil_account_routes(Router& r) {
  r.add("GET", "/school/pupil-accounts", [](Request&, RequestContext& ctx) { return choice_page(ctx, {}, 200); });
  r.add("POST", "/school/pupil-accounts", [](Request& req, RequestContext& ctx) {
    try {
      app::choose_pupil_accounts(ctx.services, ctx.actor(), req.field("allowed"));
    } catch (const app::Invalid& e) {
      return choice_page(ctx, e.errors(), 422);
    }
    return Response::redirect("/school/pupil-accounts?done=chosen");
  });

  r.add("GET", "/pupils/{id}/own-account",
        [](Request& req, RequestContext& ctx) { return own_account_page(ctx, id_param(req, "id"), {}, 200); });
  r.add("POST", "/pupils/{id}/own-account/invitations", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    try {
      const auto sent = app::invite_pupil(ctx.services, ctx.actor(), id, req.field("email"));
      if (!sent.link) return Response::redirect(own_account_path(id) + "?done=invited");
      return own_account_page(ctx, id, {}, 200, sent);
    } catch (const app::Invalid& e) {
      return own_account_page(ctx, id, e.errors(), 422);
    }
  });
  r.add("POST", "/pupils/{id}/own-account/{user}/end", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    try {
      app::end_pupil_account(ctx.services, ctx.actor(), id, id_param(req, "user"), req.field("reason"));
    } catch (const app::Invalid& e) {
      req.form["user_id"] = req.params["user"];
      return own_account_page(ctx, id, e.errors(), 422);
    }
    return Response::redirect(own_account_path(id) + "?done=ended");
  });

  r.add("GET", "/pupils/{id}/how-is-it-going",
        [](Request& req, RequestContext& ctx) { return how_is_it_going_page(ctx, id_param(req, "id"), {}, 200); });
  r.add("POST", "/pupils/{id}/how-is-it-going", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    try {
      app::answer_how_it_is_going(ctx.services, ctx.actor(), id,
                                  own_input([&](const char* f) { return req.field(f); }));
    } catch (const app::Invalid& e) {
      return how_is_it_going_page(ctx, id, e.errors(), 422);
    }
    return Response::redirect("/pupils/" + std::to_string(id) + "/how-is-it-going?done=sent");
  });

  r.add("GET", "/api/v1/pupils/{id}/own-account", [](Request& req, RequestContext& ctx) {
    return Response::json(
        200, pupil_account_json(app::pupil_account_of(ctx.services, ctx.actor(), id_param(req, "id"))).dump());
  });
  // {email}: 201 with the invitation's id and when its link runs out; the link itself only when this
  // Waypoint sends no mail.
  r.add("POST", "/api/v1/pupils/{id}/own-account/invitations", [](Request& req, RequestContext& ctx) {
    const auto body = json_body(req);
    const auto sent = app::invite_pupil(ctx.services, ctx.actor(), id_param(req, "id"), text_of(body, "email"));
    nlohmann::json out{{"id", sent.id}, {"expires_at", sent.expires_at}, {"mailed", !sent.link.has_value()}};
    if (sent.link) out["link"] = *sent.link;
    return Response::json(201, out.dump());
  });
  // {reason}: 204.
  r.add("POST", "/api/v1/pupils/{id}/own-account/{user}/end", [](Request& req, RequestContext& ctx) {
    const auto body = json_body(req);
    app::end_pupil_account(ctx.services, ctx.actor(), id_param(req, "id"), id_param(req, "user"),
                           text_of(body, "reason"));
    return Response::json(204, "");
  });
  // {feeling, helps, does_not_help, wants_next, back_to_school}: the pupil's own answers, 201.
  r.add("POST", "/api/v1/pupils/{id}/how-is-it-going", [](Request& req, RequestContext& ctx) {
    const auto b = json_body(req);
    const auto id = app::answer_how_it_is_going(ctx.services, ctx.actor(), id_param(req, "id"),
                                                own_input([&](const char* f) { return text_of(b, f); }));
    return Response::json(201, nlohmann::json{{"id", id}}.dump());
  });
}

}  // namespace waypoint::web
