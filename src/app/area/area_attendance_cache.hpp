#pragma once
// An area's attendance over the weeks before the current one, kept between requests. At LA scale a
// half term is 16,000 weekly totals, and PostgreSQL took longer adding them up than the rest of the
// area's page together; the weeks before this one hardly ever change, so what they add up to is kept
// labelled with what their totals stood at (store::area_weeks_revision) and used while that stands.
// The current week, where registers are being taken, is read at every request.
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "domain/attendance/attendance.hpp"
#include "store/area/area_store.hpp"

namespace waypoint::app {

using SessionsByPlacement = std::unordered_map<std::int64_t, domain::AttendanceSummary>;

class AreaAttendanceCache {
 public:
  using Sessions = std::shared_ptr<const SessionsByPlacement>;
  struct Weeks {
    std::int64_t la_id = 0;
    std::string first_monday, last_monday;
    bool operator==(const Weeks&) const = default;
  };
  // What these weeks added up to when their totals stood at `revision`; none if not kept.
  Sessions find(const Weeks& weeks, const store::AreaWeeksRevision& revision);
  void keep(const Weeks& weeks, store::AreaWeeksRevision revision, Sessions sessions);

 private:
  struct Kept {
    Weeks weeks;
    store::AreaWeeksRevision revision;
    Sessions sessions;
  };
  std::mutex mutex_;
  std::list<Kept> kept_;  // the most recently used first
};

}  // namespace waypoint::app
