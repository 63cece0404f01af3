// The JSON API for the provider directory: entries, sites and checks.
#include <nlohmann/json.hpp>

#include "app/providers/provider_directory.hpp"
#include "web/kernel/application.hpp"
#include "web/kernel/json_body.hpp"
#include "web/providers/provider_json.hpp"

namespace waypoint::web {

void add_provider_api_routes(Router& r) {
  r.add("POST", "/api/v1/providers", [](Request& req, RequestContext& ctx) {
    return created(app::add_provider(ctx.services, ctx.actor(), provider_form_from_json(json_body(req))));
  });

  r.add("PUT", "/api/v1/providers/{id}", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    app::update_provider(ctx.services, ctx.actor(), id, provider_form_from_json(json_body(req)));
    return Response::json(200, provider_view_json(app::view_provider(ctx.services, ctx.actor(), id)).dump());
  });

  r.add("POST", "/api/v1/providers/{id}/sites", [](Request& req, RequestContext& ctx) {
    return created(app::add_site(ctx.services, ctx.actor(), id_param(req, "id"), site_form_from_json(json_body(req))));
  });

  r.add("POST", "/api/v1/providers/{id}/checks", [](Request& req, RequestContext& ctx) {
    return created(
        app::record_check(ctx.services, ctx.actor(), id_param(req, "id"), check_form_from_json(json_body(req))));
  });

  r.add("POST", "/api/v1/providers/{id}/checks/{check}/verify", [](Request& req, RequestContext& ctx) {
    app::verify_check(ctx.services, ctx.actor(), id_param(req, "id"), id_param(req, "check"));
    return Response::json(
        200, provider_view_json(app::view_provider(ctx.services, ctx.actor(), id_param(req, "id"))).dump());
  });

  r.add("GET", "/api/v1/providers", [](Request& req, RequestContext& ctx) {
    const auto q = directory_query(req);
    const int number = page_number(req);
    auto page = app::search_directory(ctx.services, ctx.actor(), q, {number, 100});
    nlohmann::json items = nlohmann::json::array();
    for (const auto& e : page.items) items.push_back(directory_entry_json(e));
    return Response::json(
        200, nlohmann::json{{"items", std::move(items)}, {"page", number}, {"has_next", page.has_next}}.dump());
  });

  r.add("GET", "/api/v1/providers/{id}", [](Request& req, RequestContext& ctx) {
    auto body = provider_view_json(app::view_provider(ctx.services, ctx.actor(), id_param(req, "id")));
    return Response::json(200, body.dump());
  });
}

}  // namespace waypoint::web
