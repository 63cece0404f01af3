// The JSON API for progress logs and incidents.
#include <nlohmann/json.hpp>

#include "app/kernel/errors.hpp"
#include "app/progress/progress.hpp"
#include "domain/kernel/numbers.hpp"
#include "web/kernel/application.hpp"
#include "web/kernel/json_body.hpp"
#include "web/progress/progress_json.hpp"

namespace waypoint::web {

void add_progress_api_routes(Router& r) {
  r.add("GET", "/api/v1/pupils/{id}/progress", [](Request& req, RequestContext& ctx) {
    return Response::json(
        200, pupil_progress_json(app::pupil_progress(ctx.services, ctx.actor(), id_param(req, "id"))).dump());
  });

  // {date, period, engagement, behaviour, wellbeing, work_covered, values: [{objective_id, value}]}
  r.add("POST", "/api/v1/placements/{id}/progress", [](Request& req, RequestContext& ctx) {
    const auto body = json_body(req);
    domain::ProgressInput in{text_of(body, "date"),
                             text_of(body, "period"),
                             text_of(body, "engagement"),
                             text_of(body, "behaviour"),
                             text_of(body, "wellbeing"),
                             text_of(body, "work_covered"),
                             {}};
    if (body.contains("values") && body["values"].is_array())
      for (const auto& v : body["values"]) {
        const auto id = domain::parse_whole_number(text_of(v, "objective_id"));
        if (!id)
          throw app::Invalid("values[" + std::to_string(in.values.size()) + "].objective_id",
                             "Each value must name its objective by id, a whole number like 42");
        in.values.push_back({*id, text_of(v, "value")});
      }
    app::log_progress(ctx.services, ctx.actor(), id_param(req, "id"), in);
    return Response::json(201, "{}");
  });

  // {date, severity, description, action_taken}
  r.add("POST", "/api/v1/placements/{id}/incidents", [](Request& req, RequestContext& ctx) {
    const auto body = json_body(req);
    app::log_incident(ctx.services, ctx.actor(), id_param(req, "id"),
                      {text_of(body, "date"), text_of(body, "severity"), text_of(body, "description"),
                       text_of(body, "action_taken")});
    return Response::json(201, "{}");
  });
}

}  // namespace waypoint::web
