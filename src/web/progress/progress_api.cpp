// The JSON API for progress logs and incidents.
#include <nlohmann/json.hpp>

#include "app/progress/progress.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/numbers.hpp"
#include "web/kernel/application.hpp"
#include "web/kernel/json_body.hpp"

namespace waypoint::web {

void add_progress_api_routes(Router& r) {
  r.add("GET", "/api/v1/pupils/{id}/progress", [](Request& req, RequestContext& ctx) {
    const auto v = app::pupil_progress(ctx.services, ctx.actor(), id_param(req, "id"));
    nlohmann::json logs = nlohmann::json::array(), incidents = nlohmann::json::array(), weeks = nlohmann::json::array();
    for (const auto& l : v.logs) {
      nlohmann::json values = nlohmann::json::array();
      for (const auto& [objective, value] : l.values) values.push_back({{"objective_id", objective}, {"value", value}});
      logs.push_back({{"date", l.log_date},
                      {"period", l.period},
                      {"provider_id", l.provider_id},
                      {"engagement", l.engagement},
                      {"behaviour", l.behaviour},
                      {"wellbeing", l.wellbeing},
                      {"work_covered", l.work_covered},
                      {"values", values}});
    }
    for (const auto& i : v.incidents)
      incidents.push_back({{"id", i.id},
                           {"date", i.happened_on},
                           {"severity", i.severity},
                           {"provider_id", i.provider_id},
                           {"description", i.description},
                           {"action_taken", i.action_taken}});
    for (const auto& w : v.weeks)
      weeks.push_back({{"week_of", domain::format_date(w.monday)}, {"mean_engagement", w.mean}, {"logs", w.logs}});
    return Response::json(200, nlohmann::json{{"logs", logs}, {"incidents", incidents}, {"weeks", weeks}}.dump());
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
      for (const auto& v : body["values"])
        if (const auto id = domain::parse_whole_number(text_of(v, "objective_id")))
          in.values.push_back({*id, text_of(v, "value")});
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
