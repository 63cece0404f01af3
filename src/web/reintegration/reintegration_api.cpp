// The JSON API for the return to school: the same use cases as the pages, with the same scope and audit.
#include <nlohmann/json.hpp>

#include "app/kernel/errors.hpp"
#include "app/reintegration/reintegration.hpp"
#include "domain/kernel/numbers.hpp"
#include "web/kernel/application.hpp"
#include "web/kernel/json_body.hpp"
#include "web/reintegration/reintegration_json.hpp"

namespace waypoint::web {

void add_reintegration_api_routes(Router& r) {
  r.add("GET", "/api/v1/placements/{id}/return", [](Request& req, RequestContext& ctx) {
    return Response::json(
        200, reintegration_json(app::view_reintegration(ctx.services, ctx.actor(), id_param(req, "id"))).dump());
  });

  // {criteria: [{objective, criterion}], steps: [{starts_on, days_at_school: [1, 2]}], key_adult, mentoring,
  //  adjustments, responsibilities}
  r.add("PUT", "/api/v1/placements/{id}/return", [](Request& req, RequestContext& ctx) {
    const auto body = json_body(req);
    domain::ReintegrationInput in;
    if (body.contains("criteria") && body["criteria"].is_array())
      for (const auto& c : body["criteria"]) in.criteria.push_back({text_of(c, "objective"), text_of(c, "criterion")});
    if (body.contains("steps") && body["steps"].is_array())
      for (const auto& s : body["steps"]) {
        domain::ReturnStep step{text_of(s, "starts_on"), {}};
        if (s.contains("days_at_school") && s["days_at_school"].is_array())
          for (const auto& d : s["days_at_school"]) {
            // A day that is not a weekday's number is refused here, not left out of the step.
            if (!d.is_number_unsigned() || d.get<std::uint64_t>() > 7)
              throw app::Invalid("steps[" + std::to_string(in.steps.size()) + "].days_at_school",
                                 "Days at school must be weekdays by number, 1 for Monday to 5 for Friday");
            step.days_at_school.push_back(d.get<unsigned>());
          }
        in.steps.push_back(step);
      }
    in.key_adult = text_of(body, "key_adult");
    in.mentoring = text_of(body, "mentoring");
    in.adjustments = text_of(body, "adjustments");
    in.responsibilities = text_of(body, "responsibilities");
    const auto id = id_param(req, "id");
    app::save_reintegration_plan(ctx.services, ctx.actor(), id, in);
    return Response::json(200, reintegration_json(app::view_reintegration(ctx.services, ctx.actor(), id)).dump());
  });

  r.add("POST", "/api/v1/placements/{id}/return/steps/{step}", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    app::apply_return_step(ctx.services, ctx.actor(), id, static_cast<int>(id_param(req, "step")));
    return Response::json(200, reintegration_json(app::view_reintegration(ctx.services, ctx.actor(), id)).dump());
  });

  // {number: 1-3, checked_on, attendance_percent, suspensions, engagement, holding: "yes"/"no", notes}
  r.add("POST", "/api/v1/placements/{id}/return/follow-ups", [](Request& req, RequestContext& ctx) {
    const auto body = json_body(req);
    const auto id = id_param(req, "id");
    app::record_follow_up(
        ctx.services, ctx.actor(), id,
        static_cast<int>(domain::parse_whole_number(text_of(body, "number")).value_or(0)),
        {text_of(body, "checked_on"), text_of(body, "attendance_percent"), text_of(body, "suspensions"),
         text_of(body, "engagement"), text_of(body, "holding"), text_of(body, "notes")});
    return Response::json(201, reintegration_json(app::view_reintegration(ctx.services, ctx.actor(), id)).dump());
  });
}

}  // namespace waypoint::web
