// The JSON API for the signed-in account.
#include <nlohmann/json.hpp>

#include "web/accounts/account_json.hpp"
#include "web/kernel/application.hpp"

namespace waypoint::web {

void add_account_api_routes(Router& r) {
  r.add("GET", "/api/v1/me",
        [](Request&, RequestContext& ctx) { return Response::json(200, account_json(ctx.actor()).dump()); });
}

}  // namespace waypoint::web
