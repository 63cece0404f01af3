#include "domain/calendar/school_calendar.hpp"

#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/text.hpp"

namespace waypoint::domain {

using std::chrono::days;
using std::chrono::sys_days;

std::set<sys_days> read_dates(std::string_view text) {
  std::set<sys_days> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const auto line = trimmed(text.substr(pos, end - pos));
    if (!line.empty() && line.front() != '#')
      if (auto d = parse_date(line)) out.insert(sys_days(*d));
    pos = end + 1;
  }
  return out;
}

bool is_school_day(const SchoolCalendar& c, Date d) {
  const auto day = sys_days(d);
  const std::chrono::weekday wd{day};
  if (wd == std::chrono::Saturday || wd == std::chrono::Sunday) return false;
  if (c.closed.count(day)) return false;
  for (const auto& t : c.terms)
    if (day >= sys_days(t.first_day) && day <= sys_days(t.last_day)) return true;
  return false;
}

namespace {

// The last day the calendar knows about: counting beyond it would invent school days.
std::optional<sys_days> calendar_end(const SchoolCalendar& c) {
  std::optional<sys_days> end;
  for (const auto& t : c.terms)
    if (!end || sys_days(t.last_day) > *end) end = sys_days(t.last_day);
  return end;
}

}  // namespace

std::optional<Date> add_school_days(const SchoolCalendar& c, Date from, int n) {
  const auto end = calendar_end(c);
  if (!end) return std::nullopt;
  auto day = sys_days(from);
  while (n > 0) {
    day += days(1);
    if (day > *end) return std::nullopt;
    if (is_school_day(c, Date{day})) --n;
  }
  return Date{day};
}

int school_days_between(const SchoolCalendar& c, Date from, Date to) {
  int n = 0;
  for (auto day = sys_days(from) + days(1); day <= sys_days(to); day += days(1))
    if (is_school_day(c, Date{day})) ++n;
  return n;
}

int school_days_on(const SchoolCalendar& c, Date first, Date last, const std::set<unsigned>& weekdays) {
  int n = 0;
  for (auto d = std::chrono::sys_days(first); d <= std::chrono::sys_days(last); d += std::chrono::days(1))
    if (weekdays.count(std::chrono::weekday(d).iso_encoding()) && is_school_day(c, Date(d))) ++n;
  return n;
}

int school_days_without_attendance(const SchoolCalendar& c, const std::set<sys_days>& attended, Date up_to,
                                   const ExpectedDays& expected, int limit) {
  int run = 0;
  // Look back at most a year of calendar days: enough for any run the rule cares about.
  auto first = sys_days(up_to) - days(370);
  if (expected.since && sys_days(*expected.since) > first) first = sys_days(*expected.since) - days(1);
  for (auto d = sys_days(up_to); run < limit && d > first; d -= days(1)) {
    if (!is_school_day(c, Date(d))) continue;
    if (!expected.iso_weekdays.count(std::chrono::weekday(d).iso_encoding())) continue;
    if (attended.count(d)) break;
    ++run;
  }
  return run;
}

std::optional<Date> earliest_start_after_notice(const SchoolCalendar& c, Date notice_sent, int notice_days) {
  return add_school_days(c, notice_sent, notice_days);
}

FieldErrors term_problems(const std::string& name, const std::string& first_day, const std::string& last_day,
                          const std::vector<Term>& existing) {
  FieldErrors e;
  if (name.empty()) e.push_back({"term_name", "Enter the term's name, like Autumn 1"});
  const auto first = parse_date(first_day);
  const auto last = parse_date(last_day);
  if (!first) e.push_back({"first_day", "First day must be a real date, like 2026-09-03"});
  if (!last) e.push_back({"last_day", "Last day must be a real date, like 2026-10-23"});
  if (!first || !last) return e;
  if (std::chrono::sys_days(*last) < std::chrono::sys_days(*first))
    e.push_back({"last_day", "Last day must be on or after the first day"});
  else
    for (const auto& t : existing)
      if (std::chrono::sys_days(*first) <= std::chrono::sys_days(t.last_day) &&
          std::chrono::sys_days(t.first_day) <= std::chrono::sys_days(*last)) {
        e.push_back({"first_day",
                     "These dates overlap the term from " + date_text(t.first_day) + " to " + date_text(t.last_day)});
        break;
      }
  return e;
}

std::optional<int> parse_week_hours(std::string_view text) {
  const auto dot = text.find('.');
  const auto whole = text.substr(0, dot);
  const auto fraction = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  if (whole.empty() || whole.size() > 2 || fraction.size() > 2 || (dot != std::string_view::npos && fraction.empty()))
    return std::nullopt;
  int hours = 0, hundredths = 0;
  for (char c : whole) {
    if (c < '0' || c > '9') return std::nullopt;
    hours = hours * 10 + (c - '0');
  }
  for (std::size_t i = 0; i < 2; ++i) {
    const char c = i < fraction.size() ? fraction[i] : '0';
    if (c < '0' || c > '9') return std::nullopt;
    hundredths = hundredths * 10 + (c - '0');
  }
  if (hundredths * 60 % 100) return std::nullopt;  // not a whole number of minutes
  const int minutes = hours * 60 + hundredths * 60 / 100;
  if (minutes < 15 * 60 || minutes > 40 * 60) return std::nullopt;
  return minutes;
}

std::optional<Term> term_of(const SchoolCalendar& calendar, Date day) {
  std::optional<Term> latest;
  for (const auto& t : calendar.terms) {
    if (std::chrono::sys_days(t.first_day) > std::chrono::sys_days(day)) continue;
    if (!latest || std::chrono::sys_days(t.first_day) > std::chrono::sys_days(latest->first_day)) latest = t;
  }
  return latest;
}

}  // namespace waypoint::domain
