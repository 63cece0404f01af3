#pragma once
// When a placement's reviews fall due, and the follow-up checks after a pupil returns.
#include <array>
#include <chrono>
#include <optional>
#include <vector>

#include "domain/calendar/school_calendar.hpp"

namespace waypoint::domain {

// Set when the placement is agreed: the first review, then one every `interval_weeks`.
struct ReviewSchedule {
  Date first_review;
  int interval_weeks = 6;
};

// The schedule of a placement starting on `start`: with no first review set, one interval after it.
ReviewSchedule review_schedule(Date start, std::optional<Date> first_review, int interval_weeks);

// The first review until one is held; then the last held plus the interval.
Date next_review_due(const ReviewSchedule& s, std::optional<Date> last_held);

// A parent's (or, for an EHC plan, the LA's) written request makes a review due at once when none
// took place in the previous 10 weeks: the 70 days before the request. "At once" is the first
// school day on or after the request, so a request in a holiday falls due on the first day back.
// Nothing when a review was held in those 10 weeks (the schedule stands).
std::optional<Date> review_owed_on_request(const SchoolCalendar& c, Date requested_on, std::optional<Date> last_held);

struct HeldReview {
  Date held_on;
  std::optional<Date> next_review_on;  // the date the review itself set, if it set one
};
struct RequestOwed {
  Date requested_on;
  std::optional<Date> owed_on;  // from review_owed_on_request, when it was recorded
};
struct ReviewDue {
  Date on;
  bool requested = false;  // brought forward by a written request
};
// When the next review is due: the date the last review set (else the schedule), brought forward
// by any request made after the last review that made one owed.
ReviewDue review_due(const ReviewSchedule& s, const std::optional<HeldReview>& last,
                     const std::vector<RequestOwed>& requests);

enum class ReviewState { NotYet, DueSoon, Due, Overdue };
// Due on the day itself; overdue after it; due soon within `soon_days` before it.
ReviewState review_state(Date due, Date today, int soon_days = 14);

// The checks that a return is holding: 2, 6 and 12 weeks after the pupil is back full time.
std::array<Date, 3> follow_up_dates(Date full_return);

}  // namespace waypoint::domain
