// The JSON API for outcomes: the same use cases as the pages, with the same scope and audit.
#include <nlohmann/json.hpp>

#include "app/outcomes/outcomes.hpp"
#include "web/kernel/application.hpp"
#include "web/outcomes/outcome_json.hpp"

namespace waypoint::web {

void add_outcome_api_routes(Router& r) {
  r.add("GET", "/api/v1/outcomes", [](Request& req, RequestContext& ctx) {
    return Response::json(200, outcomes_json(*app::view_outcomes(ctx.services, ctx.actor(), req.query_value("from"),
                                                                 req.query_value("to")))
                                   .dump());
  });

  // The pupils behind one figure, every one of them (the page shows them 25 at a time); the read is
  // audited with their names.
  r.add("GET", "/api/v1/outcomes/pupils", [](Request& req, RequestContext& ctx) {
    const auto f = app::pupils_behind(ctx.services, ctx.actor(), req.query_value("from"), req.query_value("to"),
                                      req.query_value("figure"));
    return Response::json(200, figure_pupils_json(f, f.rows).dump());
  });
}

}  // namespace waypoint::web
