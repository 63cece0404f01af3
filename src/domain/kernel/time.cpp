#include "domain/kernel/time.hpp"

#include <date/date.h>

#include "domain/kernel/calendar_date.hpp"

#include <sstream>

namespace waypoint::domain {

std::string to_iso(Instant t) { return date::format("%FT%TZ", t); }

std::optional<Instant> parse_iso(std::string_view text) {
  std::istringstream in{std::string(text)};
  Instant t;
  in >> date::parse("%FT%TZ", t);
  if (in.fail()) return std::nullopt;
  return t;
}

std::chrono::local_seconds uk_local_time(Instant t) {
  using namespace std::chrono;
  const auto year = year_month_day{floor<days>(t)}.year();
  const auto summer_starts = sys_days{year / March / Sunday[last]} + hours(1);
  const auto summer_ends = sys_days{year / October / Sunday[last]} + hours(1);
  const bool summer = t >= summer_starts && t < summer_ends;
  return local_seconds{(t + (summer ? hours(1) : hours(0))).time_since_epoch()};
}

std::optional<Instant> parse_uk_local(std::string_view text) {
  std::istringstream in{std::string(text)};
  date::local_seconds local;
  in >> date::parse("%FT%R", local);
  if (in.fail() || in.peek() != std::char_traits<char>::eof()) return std::nullopt;
  const std::chrono::local_seconds wanted{local.time_since_epoch()};
  for (const auto offset : {std::chrono::hours(1), std::chrono::hours(0)}) {
    const Instant t{wanted.time_since_epoch() - offset};
    if (uk_local_time(t) == wanted) return t;
  }
  return std::nullopt;  // a time skipped when the clocks go forward
}

std::string uk_time_text(std::string_view iso) {
  const auto t = parse_iso(iso);
  if (!t) return std::string(iso);
  const auto local = uk_local_time(*t);
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::hh_mm_ss clock{std::chrono::floor<std::chrono::minutes>(local - day)};
  const int hour = static_cast<int>(clock.hours().count()), minute = static_cast<int>(clock.minutes().count());
  std::string when;
  if (minute == 0 && hour == 0) {
    when = "midnight";
  } else if (minute == 0 && hour == 12) {
    when = "midday";
  } else {
    when = std::to_string(hour % 12 == 0 ? 12 : hour % 12) + ":" + (minute < 10 ? "0" : "") + std::to_string(minute) +
           (hour < 12 ? "am" : "pm");
  }
  return when + " on " + date_text(std::chrono::year_month_day{std::chrono::sys_days(day.time_since_epoch())});
}

}  // namespace waypoint::domain
