#include <nlohmann/json.hpp>

#include "app/kernel/errors.hpp"
#include "app/progress/progress.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/numbers.hpp"
#include "domain/kernel/text.hpp"
#include "web/kernel/application.hpp"
#include "web/progress/progress_json.hpp"

namespace waypoint::web {
namespace {

// Both forms on one page: a session's log, and an incident.
Response log_page(RequestContext& ctx, std::int64_t placement_id, const domain::FieldErrors& errors, int status) {
  const auto f = app::progress_form(ctx.services, ctx.actor(), placement_id);
  const auto& r = ctx.request;
  nlohmann::json data{{"title", "Log progress: " + f.placement.pupil_name},
                      {"placement_id", placement_id},
                      {"pupil_id", f.placement.pupil_id},
                      {"notice", r.query_value("done")},
                      {"has_objectives", !f.objectives.empty()}};
  add_errors(data, errors);
  const auto today = domain::format_date(ctx.services.today());
  auto& fields = data["fields"];
  const auto typed_day = date_field(r, "date");
  fields["date"] = input_field(data, {.id = "date",
                                      .label = "Day",
                                      .value = typed_day.empty() ? today : typed_day,
                                      .type = "date",
                                      .hint = date_example(ctx.services.today())});
  auto period = input_field(data, {.id = "period", .label = "Session"});
  period["options"] = options(domain::log_periods(), r.field("period").empty() ? "day" : r.field("period"));
  fields["period"] = period;
  nlohmann::json levels = nlohmann::json::array();
  for (const auto& l : domain::engagement_levels())
    levels.push_back({{"value", l.code},
                      {"label", l.label},
                      {"input_id", l.code == "1" ? std::string("engagement") : "engagement-" + std::string(l.code)},
                      {"checked", r.field("engagement") == l.code}});
  data["levels"] = std::move(levels);
  data["engagement_error"] = data["errors"].contains("engagement") ? data["errors"]["engagement"] : nlohmann::json("");
  for (const auto& [id, label] : {std::pair("behaviour", "Behaviour"), std::pair("wellbeing", "Wellbeing"),
                                  std::pair("work_covered", "Work covered")})
    fields[id] = input_field(data, {.id = id, .label = label, .value = r.field(id)});
  nlohmann::json objectives = nlohmann::json::array();
  for (const auto& o : f.objectives) {
    const auto id = "value_" + std::to_string(o.id);
    objectives.push_back(input_field(data, {.id = id,
                                            .label = o.description,
                                            .value = r.field(id),
                                            .hint = o.measure + (o.unit.empty() ? "" : " (" + o.unit + ")") +
                                                    ": baseline " + o.baseline_value + ", target " + o.target,
                                            .width = "govuk-input--width-5"}));
  }
  data["objectives"] = std::move(objectives);
  fields["happened_on"] = input_field(data, {.id = "happened_on",
                                             .label = "Day of the incident",
                                             .value = date_field(r, "happened_on"),
                                             .type = "date",
                                             .hint = date_example(ctx.services.today())});
  auto severity = input_field(data, {.id = "severity", .label = "How serious"});
  severity["options"] = options(domain::incident_severities(), r.field("severity"));
  fields["severity"] = severity;
  fields["description"] =
      input_field(data, {.id = "description", .label = "What happened", .value = r.field("description")});
  fields["incident_action"] =
      input_field(data, {.id = "incident_action", .label = "What was done", .value = r.field("incident_action")});
  nlohmann::json recent = nlohmann::json::array();
  for (const auto& l : f.recent) recent.push_back(progress_log_json(l));
  data["recent"] = recent;
  data["has_recent"] = !recent.empty();
  return ctx.page("placements/log", std::move(data), status);
}

}  // namespace

void add_progress_routes(Router& r) {
  r.add("GET", "/placements/{id}/log",
        [](Request& req, RequestContext& ctx) { return log_page(ctx, id_param(req, "id"), {}, 200); });

  r.add("POST", "/placements/{id}/log", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    domain::ProgressInput in{date_field(req, "date"),
                             req.field("period"),
                             req.field("engagement"),
                             req.field("behaviour"),
                             req.field("wellbeing"),
                             req.field("work_covered"),
                             {}};
    // Values arrive as value_<objective id>; the use case keeps those of the agreed plan.
    for (const auto& [name, value] : req.form)
      if (name.starts_with("value_"))
        if (const auto objective = domain::parse_whole_number(name.substr(6))) in.values.push_back({*objective, value});
    try {
      app::log_progress(ctx.services, ctx.actor(), id, in);
    } catch (const app::Invalid& e) {
      return log_page(ctx, id, e.errors(), 422);
    }
    return Response::redirect("/placements/" + std::to_string(id) + "/log?done=logged");
  });

  r.add("POST", "/placements/{id}/incidents", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    try {
      app::log_incident(ctx.services, ctx.actor(), id,
                        {date_field(req, "happened_on"), req.field("severity"), req.field("description"),
                         req.field("incident_action")});
    } catch (const app::Invalid& e) {
      return log_page(ctx, id, e.errors(), 422);
    }
    return Response::redirect("/placements/" + std::to_string(id) + "/log?done=incident");
  });
}

}  // namespace waypoint::web
