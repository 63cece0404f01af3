#include <map>
#include <nlohmann/json.hpp>

#include "app/accounts/administration.hpp"
#include "app/accounts/api_tokens.hpp"
#include "app/kernel/errors.hpp"
#include "domain/kernel/time.hpp"
#include "web/accounts/api_token_json.hpp"
#include "web/kernel/application.hpp"

namespace waypoint::web {
namespace {

using domain::OrganisationKind;

nlohmann::json select_field(const nlohmann::json& data, const std::string& id, const std::string& label,
                            nlohmann::json options) {
  auto field = input_field(data, {.id = id, .label = label});
  field["options"] = std::move(options);
  return field;
}

nlohmann::json organisation_options(const std::vector<domain::Organisation>& orgs, const std::string& selected,
                                    std::optional<OrganisationKind> only = std::nullopt) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& o : orgs) {
    if (only && o.kind != *only) continue;
    const auto id = std::to_string(o.id);
    list.push_back({{"value", id},
                    {"text", o.name + " (" + std::string(domain::organisation_kind_label(o.kind)) + ")"},
                    {"selected", id == selected}});
  }
  return list;
}

Response organisation_form(RequestContext& ctx, const app::OrganisationForm& f, const domain::FieldErrors& errors,
                           int status) {
  nlohmann::json kinds = nlohmann::json::array();
  for (auto k : {OrganisationKind::LocalAuthority, OrganisationKind::School, OrganisationKind::Provider}) {
    const std::string code(domain::organisation_kind_code(k));
    // The first radio takes the field's id, so the error summary's link lands on it.
    kinds.push_back({{"value", code},
                     {"input_id", kinds.empty() ? std::string("kind") : "kind-" + code},
                     {"text", std::string(domain::organisation_kind_label(k))},
                     {"checked", code == f.kind}});
  }
  nlohmann::json data{{"title", "Add an organisation"}, {"kinds", std::move(kinds)}};
  add_errors(data, errors);
  auto& fields = data["fields"];
  fields["name"] = input_field(
      data, {.id = "name", .label = "Name", .value = f.name, .type = "text", .autocomplete = "organization"});
  fields["parent_id"] = select_field(data, "parent_id", "Local authority (for a school)",
                                     organisation_options(app::organisations_for_choice(ctx.services, ctx.actor()),
                                                          f.parent_id, OrganisationKind::LocalAuthority));
  fields["urn"] = input_field(data, {.id = "urn",
                                     .label = "URN (optional)",
                                     .value = f.urn,
                                     .type = "text",
                                     .hint = "6 digits, from Get Information about Schools",
                                     .width = "govuk-input--width-10"});
  fields["ukprn"] = input_field(data, {.id = "ukprn",
                                       .label = "UKPRN (optional)",
                                       .value = f.ukprn,
                                       .type = "text",
                                       .hint = "8 digits, starting with 1",
                                       .width = "govuk-input--width-10"});
  return ctx.page("admin/organisation_new", std::move(data), status);
}

Response user_form(RequestContext& ctx, const app::UserForm& f, const domain::FieldErrors& errors, int status) {
  nlohmann::json roles = nlohmann::json::array();
  for (auto role : domain::all_roles()) {
    const std::string code(domain::role_code(role));
    roles.push_back({{"value", code}, {"text", std::string(domain::role_label(role))}, {"selected", code == f.role}});
  }
  nlohmann::json data{{"title", "Add a user"}};
  add_errors(data, errors);
  auto& fields = data["fields"];
  fields["display_name"] = input_field(
      data,
      {.id = "display_name", .label = "Full name", .value = f.display_name, .type = "text", .autocomplete = "off"});
  fields["email"] = input_field(
      data, {.id = "email", .label = "Email address", .value = f.email, .type = "email", .autocomplete = "off"});
  fields["role"] = select_field(data, "role", "Role", roles);
  fields["organisation_id"] =
      select_field(data, "organisation_id", "Organisation",
                   organisation_options(app::organisations_for_choice(ctx.services, ctx.actor()), f.organisation_id));
  fields["password"] =
      input_field(data, {.id = "password",
                         .label = "First password",
                         .type = "password",
                         .autocomplete = "new-password",
                         .hint = "12 characters or more. Give it to the person separately; they can change it."});
  return ctx.page("admin/user_new", std::move(data), status);
}

Response user_page(RequestContext& ctx, std::int64_t id, const domain::FieldErrors& errors, int status) {
  const auto u = app::find_user_for_admin(ctx.services, ctx.actor(), id);
  nlohmann::json data{{"title", u.display_name},
                      {"id", std::to_string(u.id)},
                      {"email", u.email},
                      {"role", std::string(domain::role_label(u.role))},
                      {"organisation_id", std::to_string(u.organisation_id)},
                      {"disabled", u.disabled},
                      {"is_self", u.id == ctx.actor().user_id},
                      {"notice", ctx.request.query_value("done")}};
  const auto done = ctx.request.query_value("done");
  static const std::map<std::string, std::string> notices{
      {"disabled", "Account disabled: the person has been signed out"},
      {"enabled", "Account enabled"},
      {"revoked", "API token revoked"},
      {"second_factor", "Authenticator removed: the person sets up a new one when they next sign in"},
      {"password", "Password changed: the person has been signed out and their API tokens revoked"}};
  const auto notice = notices.find(done);
  data["notice_text"] = notice == notices.end() ? "" : notice->second;
  add_errors(data, errors);
  const auto tokens = api_token_rows(app::api_tokens_of(ctx.services, ctx.actor(), u.id), ctx.services.now_iso());
  data["tokens"] = tokens;
  data["has_tokens"] = !tokens.empty();
  data["fields"]["password"] = input_field(data, {.id = "password",
                                                  .label = "New password",
                                                  .type = "password",
                                                  .autocomplete = "new-password",
                                                  .hint = "12 characters or more",
                                                  .width = "govuk-!-width-one-half"});
  return ctx.page("admin/user_show", std::move(data), status);
}

}  // namespace

void add_admin_routes(Router& r) {
  r.add("GET", "/admin/organisations", [](Request& req, RequestContext& ctx) {
    const int number = page_number(req);
    auto page = app::list_organisations(ctx.services, ctx.actor(), {number, 50});
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& o : page.items)
      rows.push_back({{"id", std::to_string(o.id)},
                      {"name", o.name},
                      {"kind", std::string(domain::organisation_kind_label(o.kind))},
                      {"urn", o.urn.value_or("")},
                      {"ukprn", o.ukprn.value_or("")}});
    nlohmann::json data{{"title", "Organisations"},
                        {"organisations", rows},
                        {"created", req.query_value("created") == "1"},
                        {"pager", pagination("/admin/organisations", number, page.has_next)}};
    return ctx.page("admin/organisations", std::move(data));
  });

  r.add("GET", "/admin/organisations/new",
        [](Request&, RequestContext& ctx) { return organisation_form(ctx, {}, {}, 200); });

  r.add("POST", "/admin/organisations/new", [](Request& req, RequestContext& ctx) {
    app::OrganisationForm f{req.field("kind"), req.field("name"), req.field("parent_id"), req.field("urn"),
                            req.field("ukprn")};
    try {
      app::create_organisation(ctx.services, ctx.actor(), f);
    } catch (const app::Invalid& e) {
      return organisation_form(ctx, f, e.errors(), 422);
    }
    return Response::redirect("/admin/organisations?created=1");
  });

  r.add("GET", "/admin/users", [](Request& req, RequestContext& ctx) {
    const int number = page_number(req);
    auto page = app::list_users(ctx.services, ctx.actor(), std::nullopt, {number, 50});
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& u : page.items)
      rows.push_back({{"id", std::to_string(u.id)},
                      {"name", u.display_name},
                      {"email", u.email},
                      {"role", std::string(domain::role_label(u.role))},
                      {"disabled", u.disabled}});
    nlohmann::json data{{"title", "Users"},
                        {"users", std::move(rows)},
                        {"created", req.query_value("created") == "1"},
                        {"pager", pagination("/admin/users", number, page.has_next)}};
    return ctx.page("admin/users", std::move(data));
  });

  r.add("GET", "/admin/users/new", [](Request&, RequestContext& ctx) { return user_form(ctx, {}, {}, 200); });

  r.add("POST", "/admin/users/new", [](Request& req, RequestContext& ctx) {
    app::UserForm f{req.field("email"), req.field("display_name"), req.field("role"), req.field("organisation_id"),
                    req.field("password")};
    try {
      app::create_user(ctx.services, ctx.actor(), f);
    } catch (const app::Invalid& e) {
      f.password.clear();  // never echo a password back into the page
      return user_form(ctx, f, e.errors(), 422);
    }
    return Response::redirect("/admin/users?created=1");
  });

  r.add("GET", "/admin/users/{id}",
        [](Request& req, RequestContext& ctx) { return user_page(ctx, id_param(req, "id"), {}, 200); });

  for (const auto& [action, disabled] : {std::pair{"disable", true}, std::pair{"enable", false}}) {
    const std::string done = action;
    r.add("POST", std::string("/admin/users/{id}/") + action, [disabled, done](Request& req, RequestContext& ctx) {
      const auto id = id_param(req, "id");
      try {
        app::set_user_disabled(ctx.services, ctx.actor(), id, disabled);
      } catch (const app::Invalid& e) {
        return user_page(ctx, id, e.errors(), 422);
      }
      return Response::redirect("/admin/users/" + std::to_string(id) + "?done=" + done + "d");
    });
  }

  r.add("POST", "/admin/users/{id}/second-factor/reset", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    app::reset_second_factor(ctx.services, ctx.actor(), id);
    return Response::redirect("/admin/users/" + std::to_string(id) + "?done=second_factor");
  });

  r.add("POST", "/admin/users/{id}/tokens/{token}/revoke", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    app::revoke_api_token(ctx.services, ctx.actor(), id, id_param(req, "token"));
    return Response::redirect("/admin/users/" + std::to_string(id) + "?done=revoked");
  });

  r.add("POST", "/admin/users/{id}/password", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    try {
      app::reset_password(ctx.services, ctx.actor(), id, req.field("password"));
    } catch (const app::Invalid& e) {
      return user_page(ctx, id, e.errors(), 422);
    }
    return Response::redirect("/admin/users/" + std::to_string(id) + "?done=password");
  });
}

}  // namespace waypoint::web
