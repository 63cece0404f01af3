#pragma once
// What a provider logs about a pupil each session or day: engagement on a five-point scale,
// behaviour, wellbeing, the work covered and progress against the plan's objectives; and incidents.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "domain/kernel/code_label.hpp"
#include "domain/kernel/field_error.hpp"

namespace waypoint::domain {

// 1 to 5, each with the words staff choose between, so a 3 means the same at every provider.
const std::vector<CodeLabel>& engagement_levels();
// am, pm, or the whole day.
const std::vector<CodeLabel>& log_periods();
const std::vector<CodeLabel>& incident_severities();

struct ObjectiveValue {
  std::int64_t objective_id = 0;
  std::string value;  // as typed: a number in the objective's unit, or blank
};

struct ProgressInput {
  std::string date;  // YYYY-MM-DD
  std::string period;
  std::string engagement;  // "1" to "5"
  std::string behaviour, wellbeing, work_covered;
  std::vector<ObjectiveValue> values;
};

// The day must be real and not after `today`, and no earlier than the placement's start; the
// engagement one of the five; each value given a number (fields value_<objective id>).
FieldErrors progress_problems(const ProgressInput& in, std::chrono::year_month_day today,
                              std::chrono::year_month_day placement_start);

// "3", "72.5", "-1": a number as people type it; nothing for anything else.
std::optional<double> parse_measure(std::string_view text);

struct IncidentInput {
  std::string date;
  std::string severity;
  std::string description;
  std::string action_taken;
};
FieldErrors incident_problems(const IncidentInput& in, std::chrono::year_month_day today,
                              std::chrono::year_month_day placement_start);

// The engagement trend: the mean engagement each week (Monday first), for the chart and its table.
struct WeekEngagement {
  std::chrono::year_month_day monday;
  double mean = 0;
  int logs = 0;
};
struct DatedEngagement {
  std::chrono::year_month_day day;
  int engagement = 0;
};
std::vector<WeekEngagement> weekly_engagement(const std::vector<DatedEngagement>& logs);

}  // namespace waypoint::domain
