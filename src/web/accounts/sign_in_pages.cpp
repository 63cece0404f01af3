#include <nlohmann/json.hpp>

#include "app/accounts/accounts.hpp"
#include "web/kernel/application.hpp"

namespace waypoint::web {
namespace {

constexpr const char* kSessionCookie = "waypoint_session";

// Only our own paths: "//host" and "/\host" would send the user elsewhere after sign-in.
std::string safe_next(const std::string& next) {
  if (next.size() > 1 && next[0] == '/' && next[1] != '/' && next[1] != '\\') return next;
  return "/";
}

Response sign_in_form(RequestContext& ctx, const std::string& email, const std::string& next,
                      const domain::FieldErrors& errors, int status) {
  nlohmann::json data{{"title", "Sign in to Waypoint"}, {"email", email}, {"next", next}};
  data["signed_out"] = ctx.request.query_value("signed_out") == "1";
  data["invited"] = ctx.request.query_value("invited") == "1";
  add_errors(data, errors);
  data["fields"]["email"] = input_field(
      data, {.id = "email", .label = "Email address", .value = email, .type = "email", .autocomplete = "username"});
  data["fields"]["password"] = input_field(
      data, {.id = "password", .label = "Password", .type = "password", .autocomplete = "current-password"});
  return ctx.page("sign_in", std::move(data), status);
}

}  // namespace

void add_sign_in_routes(Router& r) {
  r.add("GET", "/sign-in", [](Request& req, RequestContext& ctx) {
    if (ctx.session) return Response::redirect("/");
    return sign_in_form(ctx, "", safe_next(req.query_value("next")), {}, 200);
  });

  r.add("POST", "/sign-in", [](Request& req, RequestContext& ctx) {
    const auto email = req.field("email");
    const auto password = req.field("password");
    const auto next = safe_next(req.field("next"));
    domain::FieldErrors errors;
    if (email.empty()) errors.push_back({"email", "Enter your email address"});
    if (password.empty()) errors.push_back({"password", "Enter your password"});
    if (!errors.empty()) return sign_in_form(ctx, email, next, errors, 422);
    const auto outcome = app::sign_in(ctx.services, email, password, req.client);
    if (!outcome.session_token) {
      // The same words whether the address is unknown, the password wrong or the account disabled.
      const bool waiting = outcome.wait.count() > 0;
      errors.push_back({"email", waiting ? "There have been too many attempts to sign in. Wait " +
                                               domain::wait_text(outcome.wait) + ", then try again"
                                         : "Enter a correct email address and password"});
      auto response = sign_in_form(ctx, email, next, errors, waiting ? 429 : 422);
      if (waiting) response.headers.emplace_back("Retry-After", std::to_string(outcome.wait.count()));
      return response;
    }
    auto response = Response::redirect(next);
    response.set_cookie(kSessionCookie, *outcome.session_token, ctx.cookie_attributes(""));
    return response;
  });

  r.add("POST", "/sign-out", [](Request&, RequestContext& ctx) {
    if (ctx.session) app::sign_out(ctx.services, *ctx.session);
    auto response = Response::redirect("/sign-in?signed_out=1");
    response.set_cookie(kSessionCookie, "", ctx.cookie_attributes("0"));
    return response;
  });
}

}  // namespace waypoint::web
