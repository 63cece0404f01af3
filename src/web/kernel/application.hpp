#pragma once
#include <memory>

#include "app/kernel/services.hpp"
#include "web/kernel/api_fields.hpp"
#include "web/kernel/context.hpp"
#include "web/kernel/http.hpp"
#include "web/kernel/metrics.hpp"
#include "web/kernel/router.hpp"
#include "web/kernel/templates.hpp"

namespace waypoint::web {

// Turns a request into a response: static files, sessions, CSRF, routing, errors, metrics.
class Application {
 public:
  Application(const app::Services& services, WebSettings settings);
  Response handle(Request& request);
  Metrics& metrics() { return metrics_; }

 private:
  Response dispatch(Request& request, std::string& route_name);
  Response error_page(RequestContext& ctx, int status, bool api);

  const app::Services& services_;
  WebSettings settings_;
  Templates templates_;
  Router router_;
  ApiFields api_fields_;  // what each API request takes, from the published description
  Metrics metrics_;
};

// Each area adds its routes.
void add_sign_in_routes(Router& r);
void add_second_factor_routes(Router& r);
void add_home_routes(Router& r);
void add_account_routes(Router& r);
void add_pupil_routes(Router& r);
void add_family_routes(Router& r);
void add_child_week_routes(Router& r);
void add_consent_routes(Router& r);
void add_letter_routes(Router& r);
void add_intervention_routes(Router& r);
void add_pupil_voice_routes(Router& r);
void add_pupil_account_routes(Router& r);
void add_school_unit_routes(Router& r);
void add_outreach_routes(Router& r);
void add_visit_routes(Router& r);
void add_challenge_routes(Router& r);
void add_report_routes(Router& r);
void add_data_request_routes(Router& r);
void add_family_api_routes(Router& r);
void add_admin_routes(Router& r);
void add_audit_routes(Router& r);
void add_retention_routes(Router& r);
void add_provider_routes(Router& r);
void add_placement_routes(Router& r);
void add_timetable_routes(Router& r);
void add_plan_routes(Router& r);
void add_placement_api_routes(Router& r);
void add_calendar_routes(Router& r);
void add_register_routes(Router& r);
void add_alert_routes(Router& r);
void add_concern_routes(Router& r);
void add_progress_routes(Router& r);
void add_review_routes(Router& r);
void add_review_api_routes(Router& r);
void add_reintegration_routes(Router& r);
void add_reintegration_api_routes(Router& r);
void add_outcome_routes(Router& r);
void add_area_routes(Router& r);
void add_returns_routes(Router& r);
void add_outcome_api_routes(Router& r);
void add_attendance_api_routes(Router& r);
void add_progress_api_routes(Router& r);
void add_alert_api_routes(Router& r);
void add_concern_api_routes(Router& r);
void add_provider_api_routes(Router& r);
// The published description of the JSON API: the one API route open without a token.
inline constexpr const char* kOpenApiPath = "/api/v1/openapi.json";
void add_openapi_routes(Router& r);
void add_account_api_routes(Router& r);
void add_pupil_api_routes(Router& r);

}  // namespace waypoint::web
