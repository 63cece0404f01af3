// The JSON API for alerts: the inbox, one alert, its actions and its close.
#include <nlohmann/json.hpp>

#include "app/alerts/alerts.hpp"
#include "web/alerts/alert_json.hpp"
#include "web/kernel/application.hpp"
#include "web/kernel/json_body.hpp"

namespace waypoint::web {
void add_alert_api_routes(Router& r) {
  r.add("GET", "/api/v1/alerts", [](Request& req, RequestContext& ctx) {
    const int number = page_number(req);
    const auto page = app::alert_inbox(ctx.services, ctx.actor(), {number, 25});
    nlohmann::json items = nlohmann::json::array();
    for (const auto& a : page.items) items.push_back(alert_json(a));
    return Response::json(
        200, nlohmann::json{{"items", std::move(items)}, {"page", number}, {"has_next", page.has_next}}.dump());
  });

  r.add("GET", "/api/v1/alerts/{id}", [](Request& req, RequestContext& ctx) {
    const auto v = app::view_alert(ctx.services, ctx.actor(), id_param(req, "id"));
    auto out = alert_json(v.alert);
    out["actions"] = nlohmann::json::array();
    for (const auto& a : v.actions)
      out["actions"].push_back({{"action", a.action}, {"note", a.note}, {"by", a.by}, {"at", a.at}});
    return Response::json(200, out.dump());
  });

  // {action, note}
  r.add("POST", "/api/v1/alerts/{id}/actions", [](Request& req, RequestContext& ctx) {
    const auto body = json_body(req);
    app::log_alert_action(ctx.services, ctx.actor(), id_param(req, "id"), text_of(body, "action"),
                          text_of(body, "note"));
    return Response::json(201, "{}");
  });

  // {outcome, note}
  r.add("POST", "/api/v1/alerts/{id}/close", [](Request& req, RequestContext& ctx) {
    const auto body = json_body(req);
    app::close_alert(ctx.services, ctx.actor(), id_param(req, "id"), text_of(body, "outcome"), text_of(body, "note"));
    return Response::json(200, "{}");
  });
}

}  // namespace waypoint::web
