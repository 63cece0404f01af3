#include <nlohmann/json.hpp>

#include "app/pupils.hpp"
#include "web/application.hpp"
#include "web/pupil_json.hpp"

namespace waypoint::web {

void add_pupil_routes(Router& r) {
  r.add("GET", "/pupils", [](Request& req, RequestContext& ctx) {
    const auto& a = ctx.actor();
    const int number = page_number(req);
    auto page = app::list_pupils(ctx.services, a, {number, 25});
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& p : page.items) rows.push_back(pupil_json(p));
    nlohmann::json data{{"title", a.role == domain::Role::Parent ? "Your child" : "Pupils"},
                        {"pupils", rows},
                        {"empty", rows.empty()},
                        {"pager", pagination("/pupils", number, page.has_next)}};
    return ctx.page("pupils/list", data);
  });

  r.add("GET", "/pupils/{id}", [](Request& req, RequestContext& ctx) {
    const auto pupil = app::view_pupil(ctx.services, ctx.actor(), id_param(req, "id"));
    auto data = pupil_json(pupil);
    data["title"] = pupil.given_name + " " + pupil.family_name;
    return ctx.page("pupils/show", data);
  });
}

}  // namespace waypoint::web
