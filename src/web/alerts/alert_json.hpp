#pragma once
// One shape for an alert in pages and in the API: the stored values, and beside them the labels
// and times as a person reads them.
#include <nlohmann/json_fwd.hpp>

#include "store/alerts/alert_store.hpp"

namespace waypoint::web {

nlohmann::json alert_json(const store::AlertRow& a);

}  // namespace waypoint::web
