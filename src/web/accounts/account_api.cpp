// The JSON API for the signed-in account.
#include <nlohmann/json.hpp>

#include "web/kernel/application.hpp"

namespace waypoint::web {

void add_account_api_routes(Router& r) {
  r.add("GET", "/api/v1/me", [](Request&, RequestContext& ctx) {
    const auto& a = ctx.actor();
    nlohmann::json me{{"id", a.user_id},
                      {"email", a.email},
                      {"name", a.display_name},
                      {"role", std::string(domain::role_code(a.role))},
                      {"organisation", {{"id", a.organisation_id}, {"name", a.organisation_name}}}};
    return Response::json(200, me.dump());
  });
}

}  // namespace waypoint::web
