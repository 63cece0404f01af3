#pragma once
// Monitoring visits: the commissioning school goes to see its pupil learning at the provider, on a
// schedule the placement sets (each half term unless the school chooses more often), and records who
// went, whether the pupil was seen learning, what was seen, anything about safeguarding, and the
// actions agreed, each with an owner and a date. Pure rules; the use cases keep the records.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/calendar/school_calendar.hpp"
#include "domain/kernel/code_label.hpp"
#include "domain/kernel/field_error.hpp"

namespace waypoint::domain {

// half_term (the default), four_weeks, two_weeks.
const std::vector<CodeLabel>& visit_intervals();
inline constexpr std::string_view kDefaultVisitInterval = "half_term";

struct VisitAction {
  std::string action;
  std::string owner;
  std::string due_on;  // YYYY-MM-DD
};

struct VisitInput {
  std::string visited_on;           // YYYY-MM-DD
  std::string visitors;             // who went
  std::string pupil_seen_learning;  // yes, no
  std::string what_seen;
  std::string safeguarding;  // observations; blank when there were none
  std::vector<VisitAction> actions;
};

// A real day from the placement's first day to today; who went, whether the pupil was seen learning
// and what was seen; each action with what, who and by when (on or after the visit). Action fields
// are numbered from 1: action_1, owner_1, due_on_1.
FieldErrors visit_problems(const VisitInput& in, Date placement_start, Date today);

// When the next visit is due: by the last day of the half term after the last visit's (or of the
// placement's first half term, before any visit); or two or four weeks after the last visit (or the
// first day), moved on to the next school day when that falls in a holiday, a weekend or a closure.
// Nothing when the calendar has no such half term or school day.
std::optional<Date> next_visit_due(const SchoolCalendar& calendar, std::string_view every, Date placement_start,
                                   std::optional<Date> last_visit);

// Overdue from the day after it was due.
bool visit_overdue(Date due, Date today);

}  // namespace waypoint::domain
