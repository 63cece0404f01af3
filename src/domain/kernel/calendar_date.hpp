#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace waypoint::domain {

// A calendar date from "YYYY-MM-DD", only if it exists (no 30 February, 29 February only in leap years).
std::optional<std::chrono::year_month_day> parse_date(std::string_view text);
std::string format_date(std::chrono::year_month_day d);
// "2026-11-30" as people read it on a page or a letter: "30 November 2026". Text that is not a
// date comes back unchanged, so a blank stays blank.
std::string date_text(std::string_view iso);
std::string date_text(std::chrono::year_month_day d);
// With the day of the week, where the day matters (a closure, a register, a first day at a new
// place): "Monday 30 November 2026". Text that is not a date comes back unchanged.
std::string weekday_date_text(std::string_view iso);

// What is wrong with a day typed for something that happened (`what`: "the visit"): not a real
// date, after today, or before `earliest` (`since` says what that day is: "the case opened").
std::optional<std::string> happened_on_problem(std::string_view text, std::chrono::year_month_day earliest,
                                               std::string_view since, std::chrono::year_month_day today,
                                               std::string_view what);

// The Monday of the week `d` is in: the day itself when it is a Monday.
std::chrono::year_month_day monday_of(std::chrono::year_month_day d);

// The day `years` after `from`: the same day and month, except that 29 February's anniversary in
// a common year is 1 March (the day a person born on 29 February reaches an age there).
std::chrono::year_month_day anniversary(std::chrono::year_month_day from, int years);

}  // namespace waypoint::domain
