#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace waypoint::domain {

// A calendar date from "YYYY-MM-DD", only if it exists (no 30 February, 29 February only in leap years).
std::optional<std::chrono::year_month_day> parse_date(std::string_view text);
std::string format_date(std::chrono::year_month_day d);

}  // namespace waypoint::domain
