#pragma once
// School days: the days a school holds sessions. Every deadline in DOMAIN.md ("2 school days",
// "6th school day", "10 consecutive school days") counts these, never weekdays alone.
#include <chrono>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "domain/kernel/field_error.hpp"

namespace waypoint::domain {

using Date = std::chrono::year_month_day;

struct Term {
  Date first_day;
  Date last_day;
};

struct SchoolCalendar {
  std::vector<Term> terms;                 // half terms or terms: the holidays are the gaps between them
  std::set<std::chrono::sys_days> closed;  // INSET days, bank holidays, other planned closures
};

// Dates from text, one a line; lines starting with '#' and blank lines are skipped.
std::set<std::chrono::sys_days> read_dates(std::string_view text);

bool is_school_day(const SchoolCalendar& c, Date d);

// The term a day falls in, or the last one before it (in a holiday); nothing before the first: "this
// half term" on the LA's picture, a family's page and the pupil's own voice.
std::optional<Term> term_of(const SchoolCalendar& calendar, Date day);

// The `n`th school day after `from` (not counting `from` itself); nothing if the calendar runs out.
std::optional<Date> add_school_days(const SchoolCalendar& c, Date from, int n);

// School days after `from` up to and including `to`; 0 when `to` is not after `from`.
int school_days_between(const SchoolCalendar& c, Date from, Date to);

// School days from `first` to `last` inclusive that fall on one of `weekdays` (ISO numbers, Monday 1):
// the days a pupil attends a setting they go to on those weekdays.
int school_days_on(const SchoolCalendar& c, Date first, Date last, const std::set<unsigned>& weekdays);

// School days in a row, counting back from `up_to` (inclusive), on which the pupil attended no
// session: the children-missing-education rule tells the LA at 10. Days that are not school days
// (weekends, holidays, closures) neither count nor break the run; `attended` holds the days with
// any attendance. Counting stops at `limit`.
//
// A pupil in part-time AP spends some days at their home school, whose register Waypoint does not
// see: `expected` names the weekdays the pupil is expected where the registers are seen, and the
// first day of the placement. Other days neither count nor break the run; nothing before `since`
// counts.
struct ExpectedDays {
  std::optional<Date> since;
  std::set<unsigned> iso_weekdays{1, 2, 3, 4, 5};
};
int school_days_without_attendance(const SchoolCalendar& c, const std::set<std::chrono::sys_days>& attended, Date up_to,
                                   const ExpectedDays& expected = {}, int limit = 400);

// An off-site direction's first day may be no earlier than this: the notice must reach the parent
// at least `notice_days` school days before the start.
std::optional<Date> earliest_start_after_notice(const SchoolCalendar& c, Date notice_sent, int notice_days = 2);

// A term (or half term) as typed, checked against the others the school or LA keeps: named, real
// dates in order, and not overlapping another.
FieldErrors term_problems(const std::string& name, const std::string& first_day, const std::string& last_day,
                          const std::vector<Term>& existing);

// A school's full-time week typed in hours ("32.5" or "32"): minutes, if it is a sensible week
// (15 to 40 hours, to the minute).
std::optional<int> parse_week_hours(std::string_view text);

}  // namespace waypoint::domain
