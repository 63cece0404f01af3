#pragma once
// One shape for the return to school in pages and in the API: the plan, its steps and the checks
// after the full return as recorded, and beside them days, hours and dates as people read them.
#include <nlohmann/json_fwd.hpp>

#include "app/reintegration/reintegration.hpp"

namespace waypoint::web {

nlohmann::json reintegration_json(const app::ReintegrationView& v);

}  // namespace waypoint::web
