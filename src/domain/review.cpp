#include "domain/review.hpp"

namespace waypoint::domain {

using std::chrono::days;
using std::chrono::sys_days;

Date next_review_due(const ReviewSchedule& s, std::optional<Date> last_held) {
  if (!last_held) return s.first_review;
  return Date{sys_days(*last_held) + days(7 * s.interval_weeks)};
}

std::optional<Date> review_owed_on_request(const SchoolCalendar& c, Date requested_on, std::optional<Date> last_held) {
  const auto request = sys_days(requested_on);
  if (last_held && sys_days(*last_held) >= request - days(70) && sys_days(*last_held) <= request) return std::nullopt;
  // The first school day on or after the request, looking at most a year ahead.
  for (auto d = request; d < request + days(366); d += days(1))
    if (is_school_day(c, Date{d})) return Date{d};
  return requested_on;  // no calendar kept that far: due on the day asked
}

ReviewState review_state(Date due, Date today, int soon_days) {
  const auto d = sys_days(due), t = sys_days(today);
  if (t > d) return ReviewState::Overdue;
  if (t == d) return ReviewState::Due;
  if (d - t <= days(soon_days)) return ReviewState::DueSoon;
  return ReviewState::NotYet;
}

std::array<Date, 3> follow_up_dates(Date full_return) {
  const auto r = sys_days(full_return);
  return {Date{r + days(14)}, Date{r + days(42)}, Date{r + days(84)}};
}

}  // namespace waypoint::domain
