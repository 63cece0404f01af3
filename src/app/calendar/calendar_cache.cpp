#include "app/calendar/calendar_cache.hpp"

namespace waypoint::app {
namespace {

// At national size a sweep meets 24,000 schools, most sharing their LA's calendar; a bound keeps a
// deployment whose schools each keep their own from holding thousands of copies of the bank
// holidays. Past it the cache starts again, which costs one read of each calendar.
constexpr std::size_t kMostKept = 30000;

template <typename Map>
CalendarCache::Calendar find(const Map& map, std::int64_t id) {
  const auto it = map.find(id);
  return it == map.end() ? nullptr : it->second;
}

}  // namespace

void CalendarCache::move_to(std::int64_t revision) {
  if (revision <= revision_) return;  // an older reader's calendars are not kept (see keep)
  revision_ = revision;
  schools_.clear();
  areas_.clear();
}

CalendarCache::Calendar CalendarCache::school(std::int64_t revision, std::int64_t school_id) {
  const std::lock_guard lock(mutex_);
  return revision == revision_ ? find(schools_, school_id) : nullptr;
}

CalendarCache::Calendar CalendarCache::area(std::int64_t revision, std::int64_t la_id) {
  const std::lock_guard lock(mutex_);
  return revision == revision_ ? find(areas_, la_id) : nullptr;
}

void CalendarCache::keep_school(std::int64_t revision, std::int64_t school_id, Calendar calendar) {
  keep(revision, schools_, school_id, std::move(calendar));
}

void CalendarCache::keep_area(std::int64_t revision, std::int64_t la_id, Calendar calendar) {
  keep(revision, areas_, la_id, std::move(calendar));
}

void CalendarCache::keep(std::int64_t revision, std::unordered_map<std::int64_t, Calendar>& map, std::int64_t id,
                         Calendar calendar) {
  const std::lock_guard lock(mutex_);
  move_to(revision);
  if (revision != revision_) return;
  if (schools_.size() + areas_.size() >= kMostKept) schools_.clear(), areas_.clear();
  map[id] = std::move(calendar);
}

}  // namespace waypoint::app
