#include "web/accounts/account_json.hpp"

#include <nlohmann/json.hpp>

namespace waypoint::web {

nlohmann::json account_json(const app::Actor& a) {
  return {{"id", a.user_id},
          {"email", a.email},
          {"name", a.display_name},
          {"role", std::string(domain::role_code(a.role))},
          {"role_label", std::string(domain::role_label(a.role))},
          {"organisation", {{"id", a.organisation_id}, {"name", a.organisation_name}}}};
}

}  // namespace waypoint::web
