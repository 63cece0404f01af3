#include <nlohmann/json.hpp>

#include "app/errors.hpp"
#include "app/provider_directory.hpp"
#include "app/pupils.hpp"
#include "store/embedded.hpp"
#include "web/application.hpp"
#include "web/json_body.hpp"
#include "web/provider_json.hpp"
#include "web/pupil_json.hpp"

namespace waypoint::web {

void add_api_routes(Router& r) {
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
    return Response::json(200, nlohmann::json{{"items", items}, {"page", number}, {"has_next", page.has_next}}.dump());
  });

  r.add("GET", "/api/v1/providers/{id}", [](Request& req, RequestContext& ctx) {
    auto body = provider_view_json(app::view_provider(ctx.services, ctx.actor(), id_param(req, "id")));
    return Response::json(200, body.dump());
  });

  r.add("GET", "/api/v1/openapi.json", [](Request&, RequestContext&) {
    return Response::json(200, std::string(store::embedded_file("resources/openapi.json").value_or("{}")));
  });

  r.add("GET", "/api/v1/me", [](Request&, RequestContext& ctx) {
    const auto& a = ctx.actor();
    nlohmann::json me{{"id", a.user_id},
                      {"email", a.email},
                      {"name", a.display_name},
                      {"role", std::string(domain::role_code(a.role))},
                      {"organisation", {{"id", a.organisation_id}, {"name", a.organisation_name}}}};
    return Response::json(200, me.dump());
  });

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
