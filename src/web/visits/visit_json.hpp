#pragma once
// Visits due, as the home page and the API show them.
#include <nlohmann/json.hpp>
#include <vector>

#include "app/visits/visits.hpp"

namespace waypoint::web {

nlohmann::json visits_due_json(const std::vector<app::VisitDue>& due);

}  // namespace waypoint::web
