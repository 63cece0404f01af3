#pragma once
// One shape for the signed-in account in the account page and the API's /me.
#include <nlohmann/json_fwd.hpp>

#include "app/kernel/actor.hpp"

namespace waypoint::web {

// {id, email, name, role, role_label, organisation: {id, name}}
nlohmann::json account_json(const app::Actor& a);

}  // namespace waypoint::web
