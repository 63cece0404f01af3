#include "domain/kernel/calendar_date.hpp"

#include <cctype>
#include <cstdio>

namespace waypoint::domain {

std::optional<std::chrono::year_month_day> parse_date(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(t[i]))) return std::nullopt;
  auto number = [&](std::size_t from, std::size_t len) {
    int n = 0;
    for (std::size_t i = from; i < from + len; ++i) n = n * 10 + (t[i] - '0');
    return n;
  };
  const std::chrono::year_month_day d{std::chrono::year(number(0, 4)),
                                      std::chrono::month(static_cast<unsigned>(number(5, 2))),
                                      std::chrono::day(static_cast<unsigned>(number(8, 2)))};
  if (!d.ok()) return std::nullopt;
  return d;
}

std::string format_date(std::chrono::year_month_day d) {
  // Written digit by digit: dates are formatted for every mark loaded and every row shown, and
  // snprintf cost more than the rest of a mark's row. Years outside 0000-9999 are not dates we keep.
  const int year = static_cast<int>(d.year());
  if (year < 0 || year > 9999) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year, static_cast<unsigned>(d.month()),
                  static_cast<unsigned>(d.day()));
    return buf;
  }
  const auto month = static_cast<unsigned>(d.month()), day = static_cast<unsigned>(d.day());
  std::string out(10, '-');
  out[0] = static_cast<char>('0' + year / 1000);
  out[1] = static_cast<char>('0' + year / 100 % 10);
  out[2] = static_cast<char>('0' + year / 10 % 10);
  out[3] = static_cast<char>('0' + year % 10);
  out[5] = static_cast<char>('0' + month / 10 % 10);
  out[6] = static_cast<char>('0' + month % 10);
  out[8] = static_cast<char>('0' + day / 10 % 10);
  out[9] = static_cast<char>('0' + day % 10);
  return out;
}

std::string date_text(std::string_view iso) {
  static constexpr const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                            "July",    "August",   "September", "October", "November", "December"};
  const auto d = parse_date(iso);
  if (!d) return std::string(iso);
  // Appended into one string: pages write hundreds of these (a year of sessions, a calendar).
  const auto day = static_cast<unsigned>(d->day());
  std::string out;
  out.reserve(24);
  if (day >= 10) out += static_cast<char>('0' + day / 10);
  out += static_cast<char>('0' + day % 10);
  out += ' ';
  out += kMonths[static_cast<unsigned>(d->month()) - 1];
  out += ' ';
  out += std::to_string(static_cast<int>(d->year()));
  return out;
}

std::string date_text(std::chrono::year_month_day d) { return date_text(format_date(d)); }

std::string weekday_date_text(std::string_view iso) {
  static constexpr const char* kDays[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
  const auto d = parse_date(iso);
  if (!d) return std::string(iso);
  return std::string(kDays[std::chrono::weekday{std::chrono::sys_days(*d)}.c_encoding()]) + " " + date_text(*d);
}

std::chrono::year_month_day anniversary(std::chrono::year_month_day from, int years) {
  using namespace std::chrono;
  const year_month_day same{from.year() + std::chrono::years(years), from.month(), from.day()};
  if (same.ok()) return same;
  return year_month_day{same.year(), March, day(1)};  // 29 February in a common year
}

std::optional<std::string> happened_on_problem(std::string_view text, std::chrono::year_month_day earliest,
                                               std::string_view since, std::chrono::year_month_day today,
                                               std::string_view what) {
  using std::chrono::sys_days;
  const auto day = parse_date(text);
  const auto the_date = "The date of " + std::string(what);
  if (!day) return "Enter the date of " + std::string(what) + " as a real date";
  if (sys_days(*day) > sys_days(today)) return the_date + " must be today or in the past";
  if (sys_days(*day) < sys_days(earliest))
    return the_date + " must be on or after " + std::string(since) + ", " + date_text(earliest);
  return std::nullopt;
}

std::chrono::year_month_day monday_of(std::chrono::year_month_day d) {
  const std::chrono::sys_days day{d};
  return std::chrono::year_month_day{day - (std::chrono::weekday(day) - std::chrono::Monday)};
}

}  // namespace waypoint::domain
