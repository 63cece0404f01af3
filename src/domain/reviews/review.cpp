#include "domain/reviews/review.hpp"

namespace waypoint::domain {

using std::chrono::days;
using std::chrono::sys_days;

ReviewSchedule review_schedule(Date start, std::optional<Date> first_review, int interval_weeks) {
  return {first_review.value_or(Date{sys_days(start) + days(7 * interval_weeks)}), interval_weeks};
}

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

ReviewDue review_due(const ReviewSchedule& s, const std::optional<HeldReview>& last,
                     const std::vector<RequestOwed>& requests) {
  ReviewDue due{last && last->next_review_on ? *last->next_review_on
                                             : next_review_due(s, last ? std::optional(last->held_on) : std::nullopt)};
  for (const auto& r : requests) {
    // A review held on or after the day of the request answered it.
    if (!r.owed_on || (last && sys_days(last->held_on) >= sys_days(r.requested_on))) continue;
    if (sys_days(*r.owed_on) < sys_days(due.on)) due = {*r.owed_on, true};
  }
  return due;
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
