#pragma once
// The provider's regular reports, as sent, and the schedule each placement sets for them.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/kernel/database.hpp"

namespace waypoint::store {

struct ReportSchedule {
  std::string every;
  bool to_parents = false;
};
ReportSchedule report_schedule_of(Connection& c, std::int64_t placement_id);
void set_report_schedule(Connection& c, std::int64_t placement_id, const ReportSchedule& schedule);

struct ProviderReportRow {
  std::int64_t id = 0;
  std::int64_t placement_id = 0;
  std::string period_from;
  std::string period_to;
  std::string sections;  // JSON: [{heading, lines}]
  std::string comment;
  bool shared_with_parents = false;
  std::string sent_by_name;
  std::string sent_at;
};
std::int64_t insert_report(Connection& c, const ProviderReportRow& row, std::int64_t sent_by);
// A placement's reports, newest period first; `from` keeps those whose period ends on or after it.
std::vector<ProviderReportRow> reports_of(Connection& c, std::int64_t placement_id, const std::string& from = "");

// A running placement, as the report schedule needs it.
struct ReportScheduleRow {
  std::int64_t placement_id = 0;
  std::int64_t school_id = 0;
  std::string pupil_name;
  std::string provider_name;
  std::string start_date;
  std::string every;
  std::optional<std::string> last_to;
};
std::vector<ReportScheduleRow> report_schedule_of_provider(Connection& c, std::int64_t provider_id);
std::vector<ReportScheduleRow> report_schedule_of_commissioner(Connection& c, std::int64_t commissioner_id);

}  // namespace waypoint::store
