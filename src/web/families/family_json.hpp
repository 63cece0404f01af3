#pragma once
#include <nlohmann/json_fwd.hpp>

#include "app/families/family_access.hpp"

namespace waypoint::web {

// Who can see the child as a parent or carer, and the invitations sent: for the page and the API.
nlohmann::json family_access_json(const app::FamilyAccessView& v);

}  // namespace waypoint::web
