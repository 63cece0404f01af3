#pragma once
// The last weeks of a pupil's attendance laid out as a calendar: a row a week, Monday to Friday,
// the morning's and afternoon's code in each day.
#include <chrono>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "store/attendance/attendance_store.hpp"

namespace waypoint::web {

// The Monday the calendar of `weeks` weeks to `today` starts on (YYYY-MM-DD): the marks it needs are
// those from that day.
std::string calendar_first_day(std::chrono::year_month_day today, int weeks);
// Marks outside the calendar's weeks are passed over.
nlohmann::json attendance_calendar(const std::vector<store::MarkRow>& marks, std::chrono::year_month_day today,
                                   int weeks);

}  // namespace waypoint::web
