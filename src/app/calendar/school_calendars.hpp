#pragma once
// A school's calendar as the deadlines count it: its own terms (or its local authority's when it
// keeps none), its own and its LA's closures, and England's bank holidays.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/calendar/calendar_cache.hpp"
#include "app/kernel/actor.hpp"
#include "app/kernel/services.hpp"

#include "domain/calendar/school_calendar.hpp"
#include "store/calendar/calendar_store.hpp"
#include "store/kernel/database.hpp"

namespace waypoint::app {

domain::SchoolCalendar calendar_for_school(store::Connection& c, std::int64_t school_id);
// Schools' calendars for a list of many pupils' records: each school's read once, when first asked.
// A school that keeps no terms or closures of its own has its local authority's calendar, read once
// for all of them (at national size a sweep meets 24,000 schools, most of them following their LA).
// With the server's CalendarCache, what an earlier request read is used while the database's
// calendar revision stands.
class SchoolCalendars {
 public:
  SchoolCalendars(const Services& s, store::Connection& c) : c_(c), cache_(s.calendars.get()) {}
  const domain::SchoolCalendar& of(std::int64_t school_id);
  // The calendar revision's read, for a caller to send with its own reads before asking of(): a
  // round trip fewer on PostgreSQL. Nothing to read without the server's cache.
  std::optional<store::Read> revision_read();
  // Reads every school's LA and whether it keeps its own calendar at once, for a caller that will
  // ask for most schools' calendars: each school's read is then only its own terms and closures,
  // and a school following its LA none at all.
  void know_every_school();

 private:
  CalendarCache::Calendar read(std::int64_t school_id);
  CalendarCache::Calendar area(std::int64_t la_id);

  store::Connection& c_;
  CalendarCache* cache_;
  std::optional<std::int64_t> revision_;  // asked once, when a calendar is first wanted
  std::map<std::int64_t, CalendarCache::Calendar> read_;
  std::map<std::int64_t, CalendarCache::Calendar> areas_;                       // by local authority
  std::optional<std::map<std::int64_t, store::SchoolCalendarKeeper>> keepers_;  // by school, once known
};
// A local authority's own calendar: its terms and closures, and the bank holidays.
domain::SchoolCalendar calendar_for_area(store::Connection& c, std::int64_t la_id);
// Whether each of these schools is open on `day`, by the same calendars, read in three queries
// however many schools: the alert sweep meets every school with pupils out (24,000 at national size),
// more than the kept calendars are worth reading one by one after a change.
std::map<std::int64_t, bool> schools_open_on(store::Connection& c, const std::vector<std::int64_t>& school_ids,
                                             domain::Date day);

// The school's full-time week in minutes: its own setting or the national reference.
int full_time_minutes_for(store::Connection& c, std::int64_t school_id);

// The calendar a school or local authority keeps: its own terms and closures. School staff see
// their school's (and that it follows the LA's terms while it keeps none); LA officers their LA's.
struct CalendarView {
  std::string organisation_name;
  bool is_school = false;
  bool follows_local_authority = false;  // a school with no terms of its own
  std::vector<store::TermRow> terms;     // those that count: the school's own or the LA's
  std::vector<store::ClosureRow> closures;
  int full_time_minutes = 0;
  bool can_edit = false;
};
CalendarView view_calendar(const Services& s, const Actor& a);
void add_term(const Services& s, const Actor& a, const std::string& name, const std::string& first_day,
              const std::string& last_day);
void remove_term(const Services& s, const Actor& a, std::int64_t term_id);
void add_closure(const Services& s, const Actor& a, const std::string& day, const std::string& reason);
void remove_closure(const Services& s, const Actor& a, const std::string& day);
// A school's own full-time week, typed in hours.
void set_full_time_week(const Services& s, const Actor& a, const std::string& hours);

}  // namespace waypoint::app
