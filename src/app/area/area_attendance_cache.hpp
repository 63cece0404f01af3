#pragma once
// An area's attendance over the weeks before the current one, kept between requests. At LA scale a
// half term is 16,000 weekly totals, and PostgreSQL took longer adding them up than the rest of the
// area's page together; the weeks before this one hardly ever change, so what they add up to is kept
// labelled with what their totals stood at (store::area_weeks_revision) and used while that stands.
// The current week, where registers are being taken, is read at every request.
#include <cstdint>
#include <string>
#include <unordered_map>

#include "app/kernel/kept_while_revised.hpp"
#include "domain/attendance/attendance.hpp"
#include "store/area/area_store.hpp"

namespace waypoint::app {

using SessionsByPlacement = std::unordered_map<std::int64_t, domain::AttendanceSummary>;

struct AreaWeeks {
  std::int64_t la_id = 0;
  std::string first_monday, last_monday;
  bool operator==(const AreaWeeks&) const = default;
};

// Each period kept is a placement's sessions for every placement the area has had in it (2,000 at
// LA scale, about 120 KB); officers mostly look at the half term and a few periods they type.
class AreaAttendanceCache : public KeptWhileRevised<AreaWeeks, store::AreaWeeksRevision, SessionsByPlacement> {
 public:
  using Weeks = AreaWeeks;
  using Sessions = Kept;
  AreaAttendanceCache() : KeptWhileRevised(16) {}
};

}  // namespace waypoint::app
