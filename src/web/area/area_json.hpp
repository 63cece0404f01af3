#pragma once
// The LA's picture of its area as the pages and the API show it.
#include <nlohmann/json.hpp>
#include <span>
#include <string>

#include "app/area/area.hpp"

namespace waypoint::web {

// The filters as a query string ("from=...&to=...&school=..."), for links that keep them.
std::string area_query(const app::AreaView& v);
// Groups of figures, attendance by provider and by school, the period and the filters.
nlohmann::json area_json(const app::AreaView& v);
// The same without the attendance tables, which the page shows a page at a time.
nlohmann::json area_figures_json(const app::AreaView& v);
// Rows of attendance by provider or by school: name, pupils, sessions, the rate as text.
nlohmann::json area_attendance_json(std::span<const domain::AreaAttendance> groups);
// One figure's children: pupil, school, and the placement or part-time timetable counted; a
// timetable is past its end after its end date, `today` (ISO).
nlohmann::json area_lines_json(const std::vector<app::AreaLine>& lines, const std::string& today);

}  // namespace waypoint::web
