// The JSON API for safeguarding concerns: read only by those the concern's scope allows.
#include <nlohmann/json.hpp>

#include "app/kernel/errors.hpp"
#include "app/safeguarding/concerns.hpp"
#include "web/kernel/application.hpp"
#include "web/kernel/json_body.hpp"
#include "web/safeguarding/concern_json.hpp"

namespace waypoint::web {
void add_concern_api_routes(Router& r) {
  r.add("GET", "/api/v1/pupils/{id}/concerns", [](Request& req, RequestContext& ctx) {
    const int number = page_number(req);
    const auto v = app::concerns_of_pupil(ctx.services, ctx.actor(), id_param(req, "id"), {number, 25});
    if (!v.may_read) throw app::NotFound();
    nlohmann::json items = nlohmann::json::array();
    for (const auto& c : v.concerns.items) items.push_back(concern_json(c));
    return Response::json(
        200, nlohmann::json{{"items", std::move(items)}, {"page", number}, {"has_next", v.concerns.has_next}}.dump());
  });

  // {category, happened_on, what_happened, action_taken}
  r.add("POST", "/api/v1/pupils/{id}/concerns", [](Request& req, RequestContext& ctx) {
    const auto body = json_body(req);
    return created(app::record_concern(ctx.services, ctx.actor(), id_param(req, "id"),
                                       {text_of(body, "category"), text_of(body, "happened_on"),
                                        text_of(body, "what_happened"), text_of(body, "action_taken")}));
  });

  r.add("GET", "/api/v1/concerns/{id}", [](Request& req, RequestContext& ctx) {
    const auto v = app::view_concern(ctx.services, ctx.actor(), id_param(req, "id"));
    auto out = concern_json(v.concern);
    out["follow_ups"] = nlohmann::json::array();
    for (const auto& f : v.follow_ups) out["follow_ups"].push_back({{"note", f.note}, {"by", f.by}, {"at", f.at}});
    return Response::json(200, out.dump());
  });

  // {note}
  r.add("POST", "/api/v1/concerns/{id}/follow-ups", [](Request& req, RequestContext& ctx) {
    app::add_follow_up(ctx.services, ctx.actor(), id_param(req, "id"), text_of(json_body(req), "note"));
    return Response::json(201, "{}");
  });
}

}  // namespace waypoint::web
