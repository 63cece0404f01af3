#pragma once
// Reintegration plans (criteria, steps, support), the follow-up checks after the return, and how a
// placement ended.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/kernel/database.hpp"

namespace waypoint::store {

struct CriterionRow {
  int position = 0;
  std::optional<std::int64_t> objective;  // the plan objective's number
  std::string criterion;
};

struct StepRow {
  int position = 0;
  std::string starts_on;
  std::vector<unsigned> days_at_school;
  std::optional<std::string> applied_on;
};

struct ReintegrationRow {
  std::int64_t placement_id = 0;
  std::int64_t review_id = 0;
  std::string key_adult, mentoring, adjustments, responsibilities;
  std::string updated_by;  // name, for reading
  std::string updated_at;
  std::vector<CriterionRow> criteria;
  std::vector<StepRow> steps;
};

std::optional<ReintegrationRow> find_reintegration(Connection& c, std::int64_t placement_id);
// Replaces the placement's plan, criteria and steps; those replaced are kept in the history tables
// (reintegration_plan_history, readiness_criteria_history, return_step_history) as of `now`.
void save_reintegration(Connection& c, const ReintegrationRow& row, std::int64_t user_id, const std::string& now);
void mark_step_applied(Connection& c, std::int64_t placement_id, int position, const std::string& on);

struct ReturnCheckRow {
  std::int64_t placement_id = 0;
  int number = 0;
  std::string due_on, checked_on, attendance_percent;
  int suspensions = 0, engagement = 0;
  bool holding = false;
  std::string notes;
  std::string recorded_by;  // name, for reading
};
// In order of number.
std::vector<ReturnCheckRow> return_checks_of(Connection& c, std::int64_t placement_id);
void insert_return_check(Connection& c, const ReturnCheckRow& row, std::int64_t user_id, const std::string& now);

// How the placement ended, beside its date and reason.
void record_ending(Connection& c, std::int64_t placement_id, const std::string& destination,
                   const std::string& pupil_assessment, const std::string& parent_view);

}  // namespace waypoint::store
