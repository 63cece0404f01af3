#pragma once
// One shape for a placement in pages and in the API.
#include <nlohmann/json_fwd.hpp>

#include "store/placements/placement_store.hpp"

namespace waypoint::web {

nlohmann::json placement_json(const store::PlacementRecord& p);

}  // namespace waypoint::web
