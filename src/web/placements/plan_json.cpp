#include "web/placements/plan_json.hpp"

#include <nlohmann/json.hpp>

#include "domain/kernel/calendar_date.hpp"
#include "domain/placements/plan.hpp"

namespace waypoint::web {
namespace {

std::string status_label(const std::string& status) {
  if (status == "draft") return "Draft";
  if (status == "agreed") return "Agreed";
  if (status == "superseded") return "Replaced";
  return status;
}

nlohmann::json objective_json(const domain::Objective& o) {
  const auto unit = o.unit.empty() ? "" : " " + o.unit;
  return {{"area", o.area},
          {"area_label", std::string(domain::label_of(domain::objective_areas(), o.area))},
          {"description", o.description},
          {"baseline_value", o.baseline_value},
          {"baseline_date", o.baseline_date},
          {"baseline_source", o.baseline_source},
          {"baseline_text",
           o.baseline_value + unit + " on " + domain::date_text(o.baseline_date) + " (" + o.baseline_source + ")"},
          {"target", o.target},
          {"measure", o.measure},
          {"unit", o.unit},
          {"target_date", o.target_date},
          {"target_text", o.target + unit + " by " + domain::date_text(o.target_date)},
          {"responsible", o.responsible}};
}

}  // namespace

nlohmann::json plan_json(const app::PlanView& v) {
  nlohmann::json versions = nlohmann::json::array();
  for (const auto& x : v.versions)
    versions.push_back({{"version", x.version},
                        {"status", x.status},
                        {"status_label", status_label(x.status)},
                        {"agreed_on", x.agreed_on},
                        {"agreed_on_text", domain::date_text(x.agreed_on)}});
  nlohmann::json out{{"placement_id", v.placement.id}, {"versions", std::move(versions)}, {"plan", nullptr}};
  if (v.shown) {
    nlohmann::json objectives = nlohmann::json::array();
    for (const auto& o : v.shown->plan.objectives) objectives.push_back(objective_json(o));
    const auto& p = v.shown->plan;
    out["plan"] = {{"version", v.shown->version},
                   {"status", v.shown->status},
                   {"status_label", status_label(v.shown->status)},
                   {"agreed_on", v.shown->agreed_on},
                   {"agreed_on_text", domain::date_text(v.shown->agreed_on)},
                   {"agreed_by", v.shown->agreed_by},
                   {"objectives", std::move(objectives)},
                   {"monitoring", p.monitoring},
                   {"curriculum_fit", p.curriculum_fit},
                   {"ehc_outcomes", p.ehc_outcomes},
                   {"pupil_views", p.pupil_views},
                   {"parent_views", p.parent_views}};
  }
  return out;
}

}  // namespace waypoint::web
