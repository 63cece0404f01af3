#pragma once
// A school year like many in England, for the rules that count school days: half terms, an INSET
// day after the October half term, and the bank holidays for England shipped with Waypoint.
#include "domain/calendar/school_calendar.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "store/kernel/embedded.hpp"

inline waypoint::domain::Date d(const char* s) { return *waypoint::domain::parse_date(s); }

inline waypoint::domain::SchoolCalendar calendar() {
  waypoint::domain::SchoolCalendar c;
  c.terms = {{d("2026-09-03"), d("2026-10-23")}, {d("2026-11-02"), d("2026-12-18")}, {d("2027-01-05"), d("2027-02-12")},
             {d("2027-02-22"), d("2027-03-25")}, {d("2027-04-12"), d("2027-05-28")}, {d("2027-06-07"), d("2027-07-21")},
             {d("2028-01-04"), d("2028-03-31")}};
  c.closed = waypoint::domain::read_dates(*waypoint::store::embedded_file("resources/bank-holidays-england.txt"));
  c.closed.insert(std::chrono::sys_days(d("2026-11-02")));  // INSET day
  return c;
}
