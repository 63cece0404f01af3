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
// The register's day, session and times, without its pupils or groups: the page builds its own rows.
nlohmann::json register_summary_json(const app::RegisterView& v);
nlohmann::json today_json(const app::TodayBoard& board);
// The year's figures, without the sessions.
nlohmann::json attendance_summary_json(const app::PupilAttendance& v);
// The figures and every session of `v`, each with its mark as the register has it.
nlohmann::json pupil_attendance_json(const app::PupilAttendance& v);
// Sessions as a page lists them: the date and session as people read them, the code that counts and
// what it means, and the provider's code only where the school changed it.
nlohmann::json session_rows_json(const std::vector<store::MarkRow>& marks);

}  // namespace waypoint::web
