#pragma once
// One shape for a placement in pages and in the API. It sits with the pupils because a pupil's
// record lists their placements, and placements build on pupils, never the other way round.
#include <nlohmann/json_fwd.hpp>

#include "store/placements/placement_store.hpp"

namespace waypoint::web {

nlohmann::json placement_json(const store::PlacementRecord& p);

}  // namespace waypoint::web
