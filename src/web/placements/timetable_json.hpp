#pragma once
// One shape for a pupil's whole-week timetable in pages and in the API: each session as
// recorded, where it is as people say it, and the week's hours by setting.
#include <nlohmann/json_fwd.hpp>

#include "app/placements/timetables.hpp"

namespace waypoint::web {

nlohmann::json timetable_json(const app::TimetableView& v);

// "12 hours 30 minutes"
std::string hours_text(int minutes);

}  // namespace waypoint::web
