#include "domain/placements/placement_limits.hpp"

#include "domain/kernel/calendar_date.hpp"

namespace waypoint::domain {
namespace {

using std::chrono::sys_days;

bool from_on(const std::optional<std::chrono::year_month_day>& from, std::chrono::year_month_day day) {
  return from && sys_days(*from) <= sys_days(day);
}

}  // namespace

PlacementLimitRule placement_rule_on(std::chrono::year_month_day day, const PlacementLimitSettings& settings) {
  PlacementLimitRule r;
  r.time_limits = from_on(settings.time_limits_from, day);
  r.la_approval_required = from_on(settings.la_approval_from, day);
  r.time_limits_from = settings.time_limits_from;
  r.la_approval_from = settings.la_approval_from;
  return r;
}

std::optional<std::string> time_limit_problem(const PlacementLimitRule& rule, bool provider_is_school,
                                              std::chrono::year_month_day start,
                                              std::chrono::year_month_day planned_end, int sessions_a_week) {
  if (!rule.time_limits || provider_is_school) return std::nullopt;
  // Counting the first and last days: 12 weeks from a Monday end on the Friday (or Sunday) 11 weeks later.
  const auto days = (sys_days(planned_end) - sys_days(start)).count() + 1;
  if (days <= kIntensiveWeeks * 7 || sessions_a_week <= kAlongsideSchoolSessions) return std::nullopt;
  return "From " + date_text(*rule.time_limits_from) +
         " a placement at a provider that is not a school lasts at most 12 weeks, or is at most 4 sessions (2 days) "
         "a week alongside school: this one is planned for " +
         std::to_string(days) + " days at " + std::to_string(sessions_a_week) +
         " sessions a week. End it within 12 weeks or take it down to 4 sessions a week";
}

std::vector<std::string> placement_rules_text(const PlacementLimitRule& rule, std::chrono::year_month_day day) {
  std::vector<std::string> out;
  const auto on = date_text(day);
  if (rule.time_limits)
    out.push_back("Time limits for providers that are not schools (in force from " + date_text(*rule.time_limits_from) +
                  "): at most 12 weeks, or at most 4 sessions a week alongside school, on " + on + ".");
  else
    out.push_back(std::string("Time limits for providers that are not schools: not in force on ") + on +
                  (rule.time_limits_from ? " (they come into force on " + date_text(*rule.time_limits_from) + ")."
                                         : " (DfE plans them; no date is set)."));
  if (rule.la_approval_required)
    out.push_back("Only providers the local authority has approved (in force from " +
                  date_text(*rule.la_approval_from) + "): no reason lets a placement start elsewhere.");
  else
    out.push_back(std::string("Only providers the local authority has approved: not in force on ") + on +
                  (rule.la_approval_from ? " (it comes into force on " + date_text(*rule.la_approval_from) +
                                               "); a school may start at another provider with a recorded reason."
                                         : " (DfE plans it; no date is set); a school may start at another provider "
                                           "with a recorded reason."));
  return out;
}

}  // namespace waypoint::domain
