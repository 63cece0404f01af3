#pragma once
// One shape for registers, the today board and a pupil's attendance in pages and in the API:
// the recorded marks and codes, and beside them what each code means and the dates and times as
// people read them.
#include <nlohmann/json_fwd.hpp>

#include "app/attendance/registers.hpp"

namespace waypoint::web {

nlohmann::json mark_json(const store::MarkRow& m);
nlohmann::json mark_json(const std::optional<store::MarkRow>& m);  // null when there is none
nlohmann::json register_json(const app::RegisterView& v);
nlohmann::json today_json(const app::TodayBoard& board);
nlohmann::json pupil_attendance_json(const app::PupilAttendance& v);

}  // namespace waypoint::web
