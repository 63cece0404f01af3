#include "web/kernel/application.hpp"
#include "web/kernel/text_check.hpp"

#include <nlohmann/json.hpp>

#include "app/accounts/api_tokens.hpp"
#include "app/kernel/audit.hpp"
#include "app/kernel/errors.hpp"
#include "app/kernel/secrets.hpp"
#include "store/kernel/embedded.hpp"
#include "web/kernel/request_log.hpp"
#include "web/kernel/static_files.hpp"

namespace waypoint::web {
namespace {

constexpr const char* kSessionCookie = "waypoint_session";
constexpr const char* kCsrfCookie = "waypoint_csrf";

bool is_api(const std::string& path) { return path.rfind("/api/", 0) == 0; }

bool changes_state(const std::string& method) { return method != "GET" && method != "HEAD" && method != "OPTIONS"; }

std::string bearer_token(const Request& r) {
  const auto h = r.header("authorization");
  const std::string prefix = "Bearer ";
  return h.rfind(prefix, 0) == 0 ? h.substr(prefix.size()) : std::string();
}

Response api_error(int status, const std::string& message) {
  return Response::json(status, nlohmann::json{{"error", message}}.dump());
}

void add_security_headers(Response& r) {
  r.headers.emplace_back("Content-Security-Policy",
                         "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; "
                         "base-uri 'none'; form-action 'self'");
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  r.headers.emplace_back("X-Frame-Options", "DENY");
  r.headers.emplace_back("Referrer-Policy", "same-origin");
}

}  // namespace

Application::Application(const app::Services& services, WebSettings settings)
    : services_(services),
      settings_(std::move(settings)),
      api_fields_(store::embedded_file("resources/openapi.json").value_or("{}")) {
  // Liveness: the process answers. Readiness: it can reach its database, so a load balancer can
  // send traffic elsewhere while the database is away.
  router_.add("GET", "/healthz", [](Request&, RequestContext&) { return Response::text(200, "ok\n"); });
  router_.add("GET", "/readyz", [](Request&, RequestContext& ctx) {
    return ctx.services.db.answers() ? Response::text(200, "ready\n") : Response::text(503, "database unavailable\n");
  });
  router_.add("GET", "/metrics", [this](Request&, RequestContext&) {
    return Response::text(200, metrics_.prometheus_text(), "text/plain; version=0.0.4");
  });
  add_sign_in_routes(router_);
  add_second_factor_routes(router_);
  add_home_routes(router_);
  add_account_routes(router_);
  add_pupil_routes(router_);
  add_family_routes(router_);
  add_child_week_routes(router_);
  add_consent_routes(router_);
  add_letter_routes(router_);
  add_intervention_routes(router_);
  add_pupil_voice_routes(router_);
  add_pupil_account_routes(router_);
  add_school_unit_routes(router_);
  add_outreach_routes(router_);
  add_visit_routes(router_);
  add_challenge_routes(router_);
  add_report_routes(router_);
  add_data_request_routes(router_);
  add_family_api_routes(router_);
  add_admin_routes(router_);
  add_audit_routes(router_);
  add_retention_routes(router_);
  add_provider_routes(router_);
  add_placement_routes(router_);
  add_timetable_routes(router_);
  add_plan_routes(router_);
  add_calendar_routes(router_);
  add_register_routes(router_);
  add_alert_routes(router_);
  add_concern_routes(router_);
  add_progress_routes(router_);
  add_review_routes(router_);
  add_review_api_routes(router_);
  add_reintegration_routes(router_);
  add_reintegration_api_routes(router_);
  add_outcome_routes(router_);
  add_outcome_api_routes(router_);
  add_area_routes(router_);
  add_returns_routes(router_);
  add_attendance_api_routes(router_);
  add_progress_api_routes(router_);
  add_alert_api_routes(router_);
  add_concern_api_routes(router_);
  add_provider_api_routes(router_);
  add_openapi_routes(router_);
  add_account_api_routes(router_);
  add_pupil_api_routes(router_);
  add_placement_api_routes(router_);
}

Response Application::handle(Request& request) {
  const auto started = std::chrono::steady_clock::now();
  std::string route_name = "unmatched";
  Response response;
  if (auto file = serve_static(settings_.assets_dir, request.path)) {
    route_name = "static";
    response = std::move(*file);
  } else {
    response = dispatch(request, route_name);
    add_security_headers(response);
    response.headers.emplace_back("Cache-Control", "no-store");
  }
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
  metrics_.record(route_name, response.status, took.count());
  if (response.status >= 500) log_event("error", "request failed", {{"path", request.path}, {"status", "500"}});
  return response;
}

Response Application::dispatch(Request& request, std::string& route_name) {
  const bool api = is_api(request.path);
  RequestContext ctx{services_, templates_, settings_, request, std::nullopt, std::nullopt, {}};
  std::optional<std::string> new_csrf_cookie;
  try {
    if (api) {
      ctx.api_actor = app::actor_for_api_token(services_, bearer_token(request), request.client);
    } else if (request.path != "/healthz" && request.path != "/readyz" && request.path != "/metrics") {
      auto cookie = request.cookies.find(kSessionCookie);
      if (cookie != request.cookies.end()) ctx.session = app::resume_session(services_, cookie->second, request.client);
      if (ctx.session) {
        ctx.csrf_token = ctx.session->csrf_token;
      } else if (auto c = request.cookies.find(kCsrfCookie); c != request.cookies.end() && c->second.size() == 64) {
        ctx.csrf_token = c->second;
      } else {
        ctx.csrf_token = app::random_token();
        new_csrf_cookie = ctx.csrf_token;
      }
      // Every state-changing form must carry the token this browser was given.
      if (changes_state(request.method) &&
          (new_csrf_cookie || !app::same_secret(request.field("csrf_token"), ctx.csrf_token))) {
        route_name = "csrf_refused";
        log_event("warning", "form refused without a valid CSRF token", {{"path", request.path}});
        nlohmann::json data{{"title", "This form could not be sent"}};
        auto r = ctx.page("errors/csrf", std::move(data), 403);
        if (new_csrf_cookie) r.set_cookie(kCsrfCookie, *new_csrf_cookie, ctx.cookie_attributes(""));
        return r;
      }
    }
    // A session still owing its second factor reaches only the page that asks for it.
    if (ctx.session && ctx.session->stage != domain::SessionStage::SignedIn) {
      const std::string owed = ctx.session->stage == domain::SessionStage::AwaitingCode ? "/sign-in/second-factor"
                                                                                        : "/account/second-factor";
      if (request.path != owed && request.path != "/sign-out") return Response::redirect(owed);
    }
    bool path_matched = false;
    const Route* route = router_.match(request, path_matched);
    Response r;
    if (!route) {
      route_name = path_matched ? "method_not_allowed" : "not_found";
      r = path_matched ? (api ? api_error(405, "Method not allowed") : Response::text(405, "Method not allowed\n"))
                       : error_page(ctx, 404, api);
    } else {
      route_name = route->method + " " + route->pattern;
      // An API caller is known before anything it sent is read: without a valid token every route but
      // the published description answers 401, not a 422 about a body it had no right to send.
      if (api && !ctx.api_actor && route->pattern != kOpenApiPath) throw SignInRequired();
      if (changes_state(request.method)) {
        if (auto problems = text_problems(request); !problems.empty()) throw app::Invalid(std::move(problems));
        if (api)
          if (auto problems = api_fields_.problems(request.method, route->pattern, request.body); !problems.empty())
            throw app::Invalid(std::move(problems));
      }
      // A page's audit entry commits while the page is made from what was read; it is shown only
      // once the entry is committed.
      app::AuditsOwed owed;
      r = route->handler(request, ctx);
      owed.settle();
    }
    if (new_csrf_cookie) r.set_cookie(kCsrfCookie, *new_csrf_cookie, ctx.cookie_attributes(""));
    return r;
  } catch (const SignInRequired&) {
    if (api) return api_error(401, "Sign in with a bearer token: Authorization: Bearer <token>");
    return Response::redirect("/sign-in?next=" + url_encode(request.path));
  } catch (const app::Denied& e) {
    if (!e.audited() && (ctx.session || ctx.api_actor))
      app::audit_refusal(services_, ctx.actor(), request.method + " " + request.path);
    return error_page(ctx, 403, api);
  } catch (const app::NotFound&) {
    return error_page(ctx, 404, api);
  } catch (const app::Invalid& e) {
    nlohmann::json errors = nlohmann::json::array();
    for (const auto& fe : e.errors()) errors.push_back({{"field", fe.field}, {"message", fe.message}});
    if (api) return Response::json(422, nlohmann::json{{"errors", errors}}.dump());
    nlohmann::json data{{"title", "There is a problem"}};
    add_errors(data, e.errors());
    return ctx.page("errors/invalid", std::move(data), 422);
  } catch (const store::DatabaseUnavailable& e) {
    log_event("warning", "database unavailable", {{"path", request.path}, {"what", e.what()}});
    auto r = error_page(ctx, 503, api);
    r.headers.emplace_back("Retry-After", "5");
    return r;
  } catch (const std::exception& e) {
    log_event("error", "unexpected failure", {{"path", request.path}, {"what", e.what()}});
    return error_page(ctx, 500, api);
  }
}

Response Application::error_page(RequestContext& ctx, int status, bool api) {
  const char* title = status == 403   ? "You do not have permission to see this page"
                      : status == 404 ? "Page not found"
                      : status == 503 ? "Sorry, the service is unavailable"
                                      : "Sorry, there is a problem with the service";
  if (api) return api_error(status, title);
  try {
    return ctx.page("errors/" + std::to_string(status), nlohmann::json{{"title", title}}, status);
  } catch (const std::exception&) {
    return Response::text(status, std::string(title) + "\n");  // the templates themselves failed
  }
}

}  // namespace waypoint::web
