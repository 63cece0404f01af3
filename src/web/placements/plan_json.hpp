#pragma once
// One shape for a personalised plan in pages and in the API: each version's recorded values,
// and beside them the labels and dates as people read them.
#include <nlohmann/json_fwd.hpp>

#include "app/placements/plans.hpp"

namespace waypoint::web {

// {placement_id, versions: [{version, status, status_label, agreed_on, agreed_on_text}],
//  plan: null or the shown version with its objectives}
nlohmann::json plan_json(const app::PlanView& v);

}  // namespace waypoint::web
