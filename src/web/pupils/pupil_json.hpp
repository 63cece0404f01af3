#pragma once
// One shape for pupils and placements in pages and in the API.
#include <chrono>
#include <nlohmann/json_fwd.hpp>

#include "domain/pupils/pupil.hpp"
#include "store/placements/placement_store.hpp"

namespace waypoint::web {

nlohmann::json pupil_json(const domain::Pupil& p, std::chrono::year_month_day today);
nlohmann::json contact_json(const domain::PupilContact& c);
nlohmann::json placement_json(const store::PlacementRecord& p);

}  // namespace waypoint::web
