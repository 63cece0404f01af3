#pragma once
// The limits DfE plans for placements at providers that are not schools (its response of August
// 2025; they need legislation): a placement of intensive support lasts at most 12 weeks, or is part
// time at most 2 days (4 sessions) a week alongside school; and schools and LAs place pupils only
// with providers the LA has approved. Neither is law yet: each comes into force on a day the
// deployment sets until regulations fix it, and each check uses the rule in force on the day it is
// about (a placement's first day).
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace waypoint::domain {

struct PlacementLimitSettings {
  std::optional<std::chrono::year_month_day> time_limits_from;  // none: not yet commenced
  std::optional<std::chrono::year_month_day> la_approval_from;
};

struct PlacementLimitRule {
  bool time_limits = false;  // 12 weeks, or at most 4 sessions a week alongside school
  bool la_approval_required = false;
  std::optional<std::chrono::year_month_day> time_limits_from, la_approval_from;  // as set, in force or not
};
inline constexpr int kIntensiveWeeks = 12;
inline constexpr int kAlongsideSchoolSessions = 4;

// The rules in force on `day`: a rule is in force from its commencement day, inclusive.
PlacementLimitRule placement_rule_on(std::chrono::year_month_day day, const PlacementLimitSettings& settings);

// Why a placement from `start` to `planned_end` (its last day) at `sessions_a_week` breaks the time
// limits, or nothing: only for providers that are not schools, and only while the limits are in
// force. A placement within 12 weeks may be full time; a longer one at most 4 sessions a week.
std::optional<std::string> time_limit_problem(const PlacementLimitRule& rule, bool provider_is_school,
                                              std::chrono::year_month_day start,
                                              std::chrono::year_month_day planned_end, int sessions_a_week);

// In words, for the placement's page: which version of each rule applied on `day`.
std::vector<std::string> placement_rules_text(const PlacementLimitRule& rule, std::chrono::year_month_day day);

}  // namespace waypoint::domain
