#pragma once
// Numbers as people type them into forms, and as pages write them.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace waypoint::domain {

// "42" -> 42; surrounding spaces allowed; anything else (signs, decimals, words) is nothing.
std::optional<std::int64_t> parse_whole_number(std::string_view text);

// "120", "120.5", "£1,200.50" -> pence; negative amounts and more than two decimals are nothing.
std::optional<std::int64_t> parse_pounds(std::string_view text);

// 9550 -> "95.50": the form of parse_pounds' input, without the pound sign.
std::string format_pounds(std::int64_t pence);

// 72.46 -> "72.5": figures for people to read, to one decimal place (non-negative figures).
std::string one_decimal(double v);

// 2003 -> "2,003": a count for people to read, with a comma in numbers over 999 as GOV.UK's style
// writes them. Forms, files and the API keep the plain number.
std::string count_text(std::int64_t n);

}  // namespace waypoint::domain
