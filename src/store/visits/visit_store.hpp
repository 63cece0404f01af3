#pragma once
// Monitoring visits to providers and the actions agreed at each; the schedule each placement sets.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/visits/visit.hpp"
#include "store/kernel/database.hpp"

namespace waypoint::store {

struct VisitRow {
  std::int64_t id = 0;
  std::int64_t placement_id = 0;
  domain::VisitInput visit;
  std::string recorded_by_name;
  std::string recorded_at;
};

std::int64_t insert_visit(Connection& c, std::int64_t placement_id, const domain::VisitInput& v,
                          std::int64_t recorded_by, const std::string& now);
// A placement's visits, newest first, each with its actions.
std::vector<VisitRow> visits_of(Connection& c, std::int64_t placement_id);
void set_visit_interval(Connection& c, std::int64_t placement_id, const std::string& every);
std::string visit_interval_of(Connection& c, std::int64_t placement_id);

// A running placement, as the visit schedule needs it.
struct VisitScheduleRow {
  std::int64_t placement_id = 0;
  std::int64_t pupil_id = 0;
  std::int64_t school_id = 0;
  std::string pupil_name;
  std::string school_name;
  std::string provider_name;
  std::string start_date;
  std::string visit_every;
  std::optional<std::string> last_visit;
};
// The active placements a school commissioned, or every active placement in an LA's area.
std::vector<VisitScheduleRow> visit_schedule_of_commissioner(Connection& c, std::int64_t commissioner_id);
std::vector<VisitScheduleRow> visit_schedule_of_area(Connection& c, std::int64_t la_id);

// The visits made to placements of an LA's area since `from`, newest first.
struct AreaVisitRow {
  VisitRow row;
  std::string pupil_name;
  std::string school_name;
  std::string provider_name;
  std::int64_t pupil_id = 0;
};
std::vector<AreaVisitRow> area_visits(Connection& c, std::int64_t la_id, const std::string& from);

}  // namespace waypoint::store
