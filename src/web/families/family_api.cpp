// The JSON API for parents' and carers' access to a child's record: who can see it, invitations,
// and ending a carer's access.
#include <nlohmann/json.hpp>

#include "app/families/family_access.hpp"
#include "web/families/family_json.hpp"
#include "web/kernel/application.hpp"
#include "web/kernel/json_body.hpp"

namespace waypoint::web {

void add_family_api_routes(Router& r) {
  r.add("GET", "/api/v1/pupils/{id}/family", [](Request& req, RequestContext& ctx) {
    return Response::json(
        200, family_access_json(app::family_access(ctx.services, ctx.actor(), id_param(req, "id"))).dump());
  });

  // {contact_id}: 201 with the invitation's id and when its link runs out; the link itself only
  // when this Waypoint sends no mail, for the school to pass on.
  r.add("POST", "/api/v1/pupils/{id}/invitations", [](Request& req, RequestContext& ctx) {
    const auto body = json_body(req);
    const auto sent = app::invite_carer(ctx.services, ctx.actor(), id_param(req, "id"), text_of(body, "contact_id"));
    nlohmann::json out{{"id", sent.id}, {"expires_at", sent.expires_at}, {"mailed", !sent.link.has_value()}};
    if (sent.link) out["link"] = *sent.link;
    return Response::json(201, out.dump());
  });

  // {reason}: 204.
  r.add("POST", "/api/v1/pupils/{id}/family/{user}/end", [](Request& req, RequestContext& ctx) {
    const auto body = json_body(req);
    app::end_carer_access(ctx.services, ctx.actor(), id_param(req, "id"), id_param(req, "user"),
                          text_of(body, "reason"));
    return Response::json(204, "");
  });
}

}  // namespace waypoint::web
