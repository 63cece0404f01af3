// The JSON API for pupils: the school's roll and one pupil's record.
#include <nlohmann/json.hpp>

#include "app/pupils/pupils.hpp"
#include "web/kernel/application.hpp"
#include "web/kernel/json_body.hpp"
#include "web/pupils/pupil_json.hpp"

namespace waypoint::web {

void add_pupil_api_routes(Router& r) {
  r.add("GET", "/api/v1/pupils", [](Request& req, RequestContext& ctx) {
    const int number = page_number(req);
    auto page = app::list_pupils(ctx.services, ctx.actor(), {number, 100});
    nlohmann::json items = nlohmann::json::array();
    for (const auto& p : page.items) items.push_back(pupil_json(p, ctx.services.today()));
    nlohmann::json body{{"items", items}, {"page", number}, {"has_next", page.has_next}};
    return Response::json(200, body.dump());
  });

  r.add("GET", "/api/v1/pupils/{id}", [](Request& req, RequestContext& ctx) {
    const auto record = app::view_pupil_record(ctx.services, ctx.actor(), id_param(req, "id"));
    auto body = pupil_json(record.pupil, ctx.services.today());
    body["contacts"] = nlohmann::json::array();
    for (const auto& c : record.contacts) body["contacts"].push_back(contact_json(c));
    body["placements"] = nlohmann::json::array();
    for (const auto& p : record.placements) body["placements"].push_back(placement_json(p));
    return Response::json(200, body.dump());
  });
}

}  // namespace waypoint::web
