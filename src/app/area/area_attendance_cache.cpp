#include "app/area/area_attendance_cache.hpp"

namespace waypoint::app {
namespace {

// Each period kept is a placement's sessions for every placement the area has had in it (2,000 at
// LA scale, about 120 KB); officers mostly look at the half term and a few periods they type.
constexpr std::size_t kPeriodsKept = 16;

}  // namespace

AreaAttendanceCache::Sessions AreaAttendanceCache::find(const Weeks& weeks, const store::AreaWeeksRevision& revision) {
  const std::lock_guard lock(mutex_);
  for (auto it = kept_.begin(); it != kept_.end(); ++it) {
    if (!(it->weeks == weeks)) continue;
    if (!(it->revision == revision)) return nullptr;
    kept_.splice(kept_.begin(), kept_, it);
    return it->sessions;
  }
  return nullptr;
}

void AreaAttendanceCache::keep(const Weeks& weeks, store::AreaWeeksRevision revision, Sessions sessions) {
  const std::lock_guard lock(mutex_);
  for (auto it = kept_.begin(); it != kept_.end(); ++it)
    if (it->weeks == weeks) {
      kept_.erase(it);
      break;
    }
  kept_.push_front({weeks, std::move(revision), std::move(sessions)});
  if (kept_.size() > kPeriodsKept) kept_.pop_back();
}

}  // namespace waypoint::app
