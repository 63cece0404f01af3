#include <nlohmann/json.hpp>

#include "app/accounts/accounts.hpp"
#include "app/accounts/api_tokens.hpp"
#include "app/kernel/errors.hpp"
#include "domain/kernel/time.hpp"
#include "web/accounts/account_json.hpp"
#include "web/accounts/api_token_json.hpp"
#include "web/kernel/application.hpp"

namespace waypoint::web {
namespace {

Response account_page(RequestContext& ctx, const domain::FieldErrors& errors, int status,
                      const std::string& new_token = {}) {
  const auto& a = ctx.actor();
  auto data = account_json(a);
  data["title"] = "Your account";
  data["changed"] = ctx.request.query_value("changed") == "1";
  data["revoked"] = ctx.request.query_value("revoked") == "1";
  data["new_token"] = new_token;
  const auto tokens = api_token_rows(app::api_tokens_of(ctx.services, a, a.user_id), ctx.services.now_iso());
  data["tokens"] = tokens;
  data["has_tokens"] = !tokens.empty();
  add_errors(data, errors);
  const std::string width = "govuk-!-width-one-half";
  auto& fields = data["fields"];
  fields["current_password"] = input_field(data, {.id = "current_password",
                                                  .label = "Current password",
                                                  .type = "password",
                                                  .autocomplete = "current-password",
                                                  .width = width});
  fields["new_password"] =
      input_field(data, {.id = "new_password",
                         .label = "New password",
                         .type = "password",
                         .autocomplete = "new-password",
                         .hint = "12 characters or more. A few random words are easy to remember and hard to guess.",
                         .width = width});
  fields["confirm_password"] = input_field(data, {.id = "confirm_password",
                                                  .label = "Confirm new password",
                                                  .type = "password",
                                                  .autocomplete = "new-password",
                                                  .width = width});
  fields["label"] = input_field(data, {.id = "label",
                                       .label = "What the token is for",
                                       .hint = "For example, \"MIS attendance export\"",
                                       .width = width});
  fields["days"] = input_field(data, {.id = "days",
                                      .label = "Days until it runs out",
                                      .hint = "From 1 to 365. Leave blank for 90.",
                                      .width = "govuk-input--width-3"});
  return ctx.page("account", std::move(data), status);
}

}  // namespace

void add_account_routes(Router& r) {
  r.add("GET", "/account", [](Request&, RequestContext& ctx) { return account_page(ctx, {}, 200); });

  r.add("POST", "/account/password", [](Request& req, RequestContext& ctx) {
    if (!ctx.session) throw SignInRequired();
    try {
      app::change_password(ctx.services, *ctx.session, req.field("current_password"), req.field("new_password"),
                           req.field("confirm_password"));
    } catch (const app::Invalid& e) {
      return account_page(ctx, e.errors(), 422);
    }
    return Response::redirect("/account?changed=1");
  });

  r.add("POST", "/account/tokens", [](Request& req, RequestContext& ctx) {
    try {
      const auto token = app::create_own_api_token(ctx.services, ctx.actor(), req.field("label"), req.field("days"));
      return account_page(ctx, {}, 200, token);  // shown this once: it is stored only as its hash
    } catch (const app::Invalid& e) {
      return account_page(ctx, e.errors(), 422);
    }
  });

  r.add("POST", "/account/tokens/{id}/revoke", [](Request& req, RequestContext& ctx) {
    app::revoke_api_token(ctx.services, ctx.actor(), ctx.actor().user_id, id_param(req, "id"));
    return Response::redirect("/account?revoked=1");
  });
}

}  // namespace waypoint::web
