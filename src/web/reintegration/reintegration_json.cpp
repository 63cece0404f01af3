#include "web/reintegration/reintegration_json.hpp"

#include <nlohmann/json.hpp>

#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/numbers.hpp"
#include "domain/kernel/time.hpp"
#include "domain/progress/progress.hpp"
#include "web/kernel/json_value.hpp"

namespace waypoint::web {
namespace {

// "26.0 hours": the return's steps compare hours a week in a numeric column.
std::string decimal_hours(int minutes) {
  return domain::one_decimal(minutes / 60.0) + (minutes == 60 ? " hour" : " hours");
}

nlohmann::json optional_date(const std::optional<std::string>& d) {
  return d ? nlohmann::json(domain::date_text(*d)) : nlohmann::json();
}

// "2. Attend every timetabled session", for a criterion tied to the agreed plan's second objective.
std::string objective_text(const app::ReintegrationView& v, const std::optional<std::int64_t>& number) {
  if (!number || *number < 1 || static_cast<std::size_t>(*number) > v.objectives.size()) return "";
  return std::to_string(*number) + ". " + v.objectives[static_cast<std::size_t>(*number - 1)].description;
}

nlohmann::json plan_json(const app::ReintegrationView& v) {
  if (!v.plan) return nullptr;
  nlohmann::json criteria = nlohmann::json::array();
  for (const auto& c : v.plan->criteria)
    criteria.push_back({{"objective", json_or_null(c.objective)},
                        {"objective_text", objective_text(v, c.objective)},
                        {"criterion", c.criterion}});
  return {{"review_id", v.plan->review_id},
          {"criteria", std::move(criteria)},
          {"key_adult", v.plan->key_adult},
          {"mentoring", v.plan->mentoring},
          {"adjustments", v.plan->adjustments},
          {"responsibilities", v.plan->responsibilities},
          {"updated_by", v.plan->updated_by},
          {"updated_at", v.plan->updated_at},
          {"updated_at_text", domain::uk_time_text(v.plan->updated_at)}};
}

nlohmann::json follow_up_json(const app::FollowUpView& f) {
  const auto due = domain::format_date(f.due_on);
  nlohmann::json c{{"number", f.number},
                   {"weeks", f.number == 1   ? 2
                             : f.number == 2 ? 6
                                             : 12},
                   {"due_on", due},
                   {"due_on_text", domain::date_text(due)},
                   {"done", f.done.has_value()},
                   {"result", nullptr}};
  if (f.done)
    c["result"] = {{"checked_on", f.done->checked_on},
                   {"checked_on_text", domain::date_text(f.done->checked_on)},
                   {"attendance_percent", f.done->attendance_percent},
                   {"suspensions", f.done->suspensions},
                   {"engagement", f.done->engagement},
                   {"engagement_label",
                    std::string(domain::label_of(domain::engagement_levels(), std::to_string(f.done->engagement)))},
                   {"holding", f.done->holding},
                   {"holding_text", f.done->holding ? "Yes" : "No"},
                   {"notes", f.done->notes}};
  return c;
}

}  // namespace

nlohmann::json reintegration_json(const app::ReintegrationView& v) {
  nlohmann::json steps = nlohmann::json::array();
  for (const auto& s : v.steps) {
    const auto school = s.week.minutes_in("home_school"), provider = s.week.minutes_in("provider");
    steps.push_back({{"position", s.step.position},
                     {"starts_on", s.step.starts_on},
                     {"starts_on_text", domain::date_text(s.step.starts_on)},
                     {"days_at_school", s.step.days_at_school},
                     {"days_text", domain::days_text(s.step.days_at_school)},
                     {"home_school_minutes", school},
                     {"home_school_hours_text", decimal_hours(school)},
                     {"provider_minutes", provider},
                     {"provider_hours_text", decimal_hours(provider)},
                     {"applied_on", json_or_null(s.step.applied_on)},
                     {"applied_on_text", optional_date(s.step.applied_on)},
                     {"can_apply", s.can_apply}});
  }
  nlohmann::json checks = nlohmann::json::array();
  for (const auto& f : v.follow_ups) checks.push_back(follow_up_json(f));
  const auto full_return = v.full_return ? std::optional(domain::format_date(*v.full_return)) : std::nullopt;
  return {{"placement_id", v.placement.id},
          {"deciding_review_id", json_or_null(v.deciding_review)},
          {"plan", plan_json(v)},
          {"steps", std::move(steps)},
          {"full_return_on", json_or_null(full_return)},
          {"full_return_on_text", optional_date(full_return)},
          {"follow_ups", std::move(checks)}};
}

}  // namespace waypoint::web
