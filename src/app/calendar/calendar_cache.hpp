#pragma once
// Calendars kept between requests. Most pages count school days, so a school's calendar (its terms,
// its own and its LA's closures, the bank holidays) was read on nearly every request while it
// changes a few times a year. What is kept is labelled with the database's calendar revision, which
// every change to terms, closures or a school's LA moves (store::calendar_revision): each use case
// that counts school days asks for that number once, and nothing read under an older one is kept.
#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "domain/calendar/school_calendar.hpp"

namespace waypoint::app {

class CalendarCache {
 public:
  using Calendar = std::shared_ptr<const domain::SchoolCalendar>;
  // The calendar a school counts by (its own, or its LA's), read at `revision`; none if not kept.
  Calendar school(std::int64_t revision, std::int64_t school_id);
  // A local authority's calendar, which the schools that keep none of their own share.
  Calendar area(std::int64_t revision, std::int64_t la_id);
  void keep_school(std::int64_t revision, std::int64_t school_id, Calendar calendar);
  void keep_area(std::int64_t revision, std::int64_t la_id, Calendar calendar);

 private:
  void move_to(std::int64_t revision);  // with the lock held
  void keep(std::int64_t revision, std::unordered_map<std::int64_t, Calendar>& map, std::int64_t id, Calendar calendar);

  std::mutex mutex_;
  std::int64_t revision_ = -1;
  std::unordered_map<std::int64_t, Calendar> schools_, areas_;
};

}  // namespace waypoint::app
