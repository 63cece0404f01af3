#pragma once
// The last weeks of a pupil's attendance laid out as a calendar: a row a week, Monday to Friday,
// the morning's and afternoon's code in each day.
#include <chrono>
#include <nlohmann/json_fwd.hpp>
#include <vector>

#include "store/attendance/attendance_store.hpp"

namespace waypoint::web {

nlohmann::json attendance_calendar(const std::vector<store::MarkRow>& marks, std::chrono::year_month_day today,
                                   int weeks);

}  // namespace waypoint::web
