#pragma once
// One shape for a safeguarding concern in pages and in the API: the recorded values, and beside
// them the category's label and the time as a person reads them.
#include <nlohmann/json_fwd.hpp>

#include "store/safeguarding/concern_store.hpp"

namespace waypoint::web {

nlohmann::json concern_json(const store::ConcernRow& c);

}  // namespace waypoint::web
