#include "app/school_calendars.hpp"

#include "domain/calendar_date.hpp"
#include "domain/timetable.hpp"
#include "store/calendar_store.hpp"
#include "store/embedded.hpp"
#include "store/organisation_store.hpp"

namespace waypoint::app {
namespace {

const std::set<std::chrono::sys_days>& bank_holidays() {
  static const auto days = domain::read_dates(store::embedded_file("resources/bank-holidays-england.txt").value_or(""));
  return days;
}

void add_closures(store::Connection& c, std::int64_t organisation_id, domain::SchoolCalendar& calendar) {
  for (const auto& row : store::closures_of(c, organisation_id))
    if (auto d = domain::parse_date(row.day)) calendar.closed.insert(std::chrono::sys_days(*d));
}

}  // namespace

domain::SchoolCalendar calendar_for_school(store::Connection& c, std::int64_t school_id) {
  domain::SchoolCalendar calendar;
  calendar.closed = bank_holidays();
  auto terms = store::terms_of(c, school_id);
  const auto school = store::find_organisation(c, school_id);
  if (school && school->parent_id) {
    add_closures(c, *school->parent_id, calendar);
    if (terms.empty()) terms = store::terms_of(c, *school->parent_id);
  }
  add_closures(c, school_id, calendar);
  for (const auto& t : terms) {
    const auto first = domain::parse_date(t.first_day);
    const auto last = domain::parse_date(t.last_day);
    if (first && last) calendar.terms.push_back({*first, *last});
  }
  return calendar;
}

int full_time_minutes_for(store::Connection& c, std::int64_t school_id) {
  return store::full_time_minutes(c, school_id).value_or(domain::kFullTimeWeekMinutes);
}

}  // namespace waypoint::app
