#include "domain/placements/plan.hpp"

#include "domain/kernel/calendar_date.hpp"

namespace waypoint::domain {

const std::vector<CodeLabel>& objective_areas() {
  static const std::vector<CodeLabel> list{
      {"attendance", "Attendance"},
      {"engagement", "Engagement"},
      {"behaviour", "Behaviour"},
      {"suspensions", "Suspensions"},
      {"english", "English"},
      {"maths", "Maths"},
      {"qualifications", "Qualifications"},
      {"self_regulation", "Self-regulation"},
      {"social_skills", "Social skills"},
      {"reintegration_readiness", "Readiness to return"},
  };
  return list;
}

bool Objective::is_blank() const {
  for (const auto* f : {&area, &description, &baseline_value, &baseline_date, &baseline_source, &target, &measure,
                        &unit, &target_date, &responsible})
    if (!f->empty()) return false;
  return true;
}

FieldErrors plan_problems(const Plan& p) {
  FieldErrors e;
  for (std::size_t i = 0; i < p.objectives.size(); ++i) {
    const auto& o = p.objectives[i];
    if (o.is_blank()) continue;
    const auto n = std::to_string(i + 1);
    const auto field = [&](const char* part) { return "objective_" + n + "_" + part; };
    const auto say = [&](const char* part, const std::string& message) {
      e.push_back({field(part), "Objective " + n + ": " + message});
    };
    if (!in_list(objective_areas(), o.area)) say("area", "select the area it is about");
    if (o.description.empty()) say("description", "describe what should change");
    if (o.baseline_value.empty()) say("baseline_value", "enter where the pupil is now (the baseline)");
    const auto baseline = parse_date(o.baseline_date);
    if (!baseline) say("baseline_date", "enter the date of the baseline, like 2026-11-02");
    if (o.baseline_source.empty()) say("baseline_source", "say where the baseline comes from");
    if (o.target.empty()) say("target", "enter the target");
    if (o.measure.empty()) say("measure", "say how it is measured");
    const auto target = parse_date(o.target_date);
    if (!target)
      say("target_date", "enter the date to reach the target, like 2027-03-26");
    else if (baseline && std::chrono::sys_days(*target) <= std::chrono::sys_days(*baseline))
      say("target_date", "the target date must be after the baseline date");
    if (o.responsible.empty()) say("responsible", "say who is responsible");
  }
  return e;
}

FieldErrors agreement_problems(const Plan& p, bool pupil_has_ehc_plan) {
  auto e = plan_problems(p);
  bool any = false;
  for (const auto& o : p.objectives) any = any || !o.is_blank();
  if (!any) e.push_back({"objective_1_area", "Add at least one objective before the plan is agreed"});
  if (p.monitoring.empty()) e.push_back({"monitoring", "Say how progress will be assessed and monitored"});
  if (p.curriculum_fit.empty())
    e.push_back({"curriculum_fit", "Say how the plan fits the pupil's curriculum and qualifications"});
  if (pupil_has_ehc_plan && p.ehc_outcomes.empty())
    e.push_back({"ehc_outcomes", "The pupil has an EHC plan: say which of its outcomes this plan serves"});
  if (p.pupil_views.empty()) e.push_back({"pupil_views", "Record the pupil's own views"});
  if (p.parent_views.empty()) e.push_back({"parent_views", "Record the parents' views"});
  return e;
}

}  // namespace waypoint::domain
