#pragma once
// Providers' progress logs (with values against the plan's objectives) and incidents.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/kernel/database.hpp"

namespace waypoint::store {

// An objective of the placement's agreed plan (its newest agreed version), to log values against.
struct ObjectiveRef {
  std::int64_t id = 0;
  std::string description, measure, unit, baseline_value, target;
  std::string area, baseline_date, target_date;
};
std::vector<ObjectiveRef> agreed_objectives(Connection& c, std::int64_t placement_id);

struct ProgressLogRow {
  std::int64_t id = 0;
  std::int64_t pupil_id = 0;
  std::int64_t placement_id = 0;
  std::int64_t provider_id = 0;
  std::string provider_name;
  std::string log_date;
  std::string period;
  int engagement = 0;
  std::string behaviour, wellbeing, work_covered;
  std::string logged_by;                                     // name
  std::vector<std::pair<std::int64_t, std::string>> values;  // objective id, value
};

// Records the log; one already there for the same placement, day and period is replaced in place
// (same id), the one it replaces kept in progress_log_history with who replaced it and when.
std::int64_t save_progress_log(Connection& c, const ProgressLogRow& row, std::int64_t user_id, const std::string& now);
// Oldest first, between two dates inclusive; of one provider only when `provider_id` is given.
std::vector<ProgressLogRow> progress_logs_of_pupil(Connection& c, std::int64_t pupil_id, const std::string& from,
                                                   const std::string& to, std::optional<std::int64_t> provider_id);
// What progress_logs_of_pupil reads, into `out`, to send with other reads; logs_with_values then
// puts the values recorded on each log on it.
struct ProgressLogsRead {
  struct Value {
    std::int64_t log_id = 0, objective_id = 0;
    std::string value;
  };
  std::vector<ProgressLogRow> logs;
  std::vector<Value> values;
};
std::vector<Read> progress_logs_of_pupil_reads(std::int64_t pupil_id, const std::string& from, const std::string& to,
                                               std::optional<std::int64_t> provider_id, ProgressLogsRead& out);
std::vector<ProgressLogRow> logs_with_values(ProgressLogsRead&& read);
// The day and engagement of each of those logs, oldest first, to send with other reads: the trend
// alone, for a page that lists no log (a pupil's year of attendance).
struct LoggedEngagement {
  std::string log_date;
  int engagement = 0;
};
Read engagement_of_pupil_read(std::int64_t pupil_id, const std::string& from, const std::string& to,
                              std::optional<std::int64_t> provider_id, std::vector<LoggedEngagement>& out);

struct IncidentRow {
  std::int64_t id = 0;
  std::int64_t pupil_id = 0;
  std::int64_t placement_id = 0;
  std::int64_t provider_id = 0;
  std::string provider_name;
  std::string happened_on, severity, description, action_taken;
  std::string logged_by;
};
std::int64_t insert_incident(Connection& c, const IncidentRow& row, std::int64_t user_id, const std::string& now);
// Newest first.
std::vector<IncidentRow> incidents_of_pupil(Connection& c, std::int64_t pupil_id, const std::string& from,
                                            std::optional<std::int64_t> provider_id);
// What incidents_of_pupil reads, into `out`, to send with other reads.
Read incidents_of_pupil_read(std::int64_t pupil_id, const std::string& from, std::optional<std::int64_t> provider_id,
                             std::vector<IncidentRow>& out);

}  // namespace waypoint::store
