// The published description of the JSON API.
#include "store/kernel/embedded.hpp"
#include "web/kernel/application.hpp"

namespace waypoint::web {

void add_openapi_routes(Router& r) {
  r.add("GET", kOpenApiPath, [](Request&, RequestContext&) {
    return Response::json(200, std::string(store::embedded_file("resources/openapi.json").value_or("{}")));
  });
}

}  // namespace waypoint::web
