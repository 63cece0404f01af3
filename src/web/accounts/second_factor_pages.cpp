// Setting up an authenticator (/account/second-factor) and giving its code after the password
// (/sign-in/second-factor).
#include <nlohmann/json.hpp>

#include "app/accounts/second_factor.hpp"
#include "app/kernel/errors.hpp"
#include "domain/accounts/sign_in_throttle.hpp"
#include "web/accounts/qr_svg.hpp"
#include "web/kernel/application.hpp"

namespace waypoint::web {
namespace {

const app::SignedInSession& session_of(RequestContext& ctx) {
  if (!ctx.session) throw SignInRequired();
  return *ctx.session;
}

nlohmann::json code_field(const nlohmann::json& data, const std::string& hint) {
  return input_field(data, {.id = "code",
                            .label = "Code",
                            .type = "text",
                            .autocomplete = "one-time-code",
                            .hint = hint,
                            .width = "govuk-input--width-10"});
}

Response enrolment_page(RequestContext& ctx, const domain::FieldErrors& errors, int status,
                        const std::vector<std::string>& recovery_codes = {}) {
  const auto& session = session_of(ctx);
  nlohmann::json data{{"title", "Set up your authenticator"}};
  if (!recovery_codes.empty()) {
    data["recovery_codes"] = recovery_codes;
    data["done"] = true;
    return ctx.page("accounts/second_factor", std::move(data), status);
  }
  const auto e = app::start_enrolment(ctx.services, session);
  data["enabled"] = e.enabled;
  data["recovery_codes_left"] = std::to_string(e.recovery_codes_left);
  data["must"] = session.stage == domain::SessionStage::MustEnrol;
  if (!e.enabled) {
    std::string grouped;
    for (std::size_t i = 0; i < e.key.size(); ++i) grouped += (i && i % 4 == 0 ? " " : "") + std::string(1, e.key[i]);
    data["key"] = grouped;
    data["qr"] = qr_svg(e.otpauth_uri);
  }
  add_errors(data, errors);
  data["fields"]["code"] = code_field(data, "The 6 digits your app shows for Waypoint");
  return ctx.page("accounts/second_factor", std::move(data), status);
}

Response code_page(RequestContext& ctx, const domain::FieldErrors& errors, int status) {
  nlohmann::json data{{"title", "Enter the code from your authenticator"}};
  add_errors(data, errors);
  data["fields"]["code"] = code_field(data, "The 6 digits your app shows for Waypoint, or one of your recovery codes");
  return ctx.page("accounts/second_factor_code", std::move(data), status);
}

}  // namespace

void add_second_factor_routes(Router& r) {
  r.add("GET", "/account/second-factor", [](Request&, RequestContext& ctx) { return enrolment_page(ctx, {}, 200); });

  r.add("POST", "/account/second-factor", [](Request& req, RequestContext& ctx) {
    try {
      const auto codes = app::confirm_enrolment(ctx.services, session_of(ctx), req.field("code"));
      return enrolment_page(ctx, {}, 200, codes);  // shown this once: kept only as hashes
    } catch (const app::Invalid& e) {
      return enrolment_page(ctx, e.errors(), 422);
    }
  });

  r.add("GET", "/sign-in/second-factor", [](Request&, RequestContext& ctx) {
    if (session_of(ctx).stage != domain::SessionStage::AwaitingCode) return Response::redirect("/");
    return code_page(ctx, {}, 200);
  });

  r.add("POST", "/sign-in/second-factor", [](Request& req, RequestContext& ctx) {
    const auto& session = session_of(ctx);
    if (session.stage != domain::SessionStage::AwaitingCode) return Response::redirect("/");
    const auto outcome = app::complete_sign_in(ctx.services, session, req.field("code"));
    if (outcome.accepted) return Response::redirect(outcome.used_recovery_code ? "/account/second-factor?used=1" : "/");
    if (outcome.wait.count() > 0) {
      auto res = code_page(ctx,
                           {{"code", "There have been too many wrong codes. Wait " + domain::wait_text(outcome.wait) +
                                         ", then try again"}},
                           429);
      res.headers.emplace_back("Retry-After", std::to_string(outcome.wait.count()));
      return res;
    }
    return code_page(ctx, {{"code", "The code is not right: enter the newest code from your app, or a recovery code"}},
                     422);
  });
}

}  // namespace waypoint::web
