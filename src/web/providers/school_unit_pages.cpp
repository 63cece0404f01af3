// A school's own units (Tier 1 support on site): the list and the form to add one.
#include <nlohmann/json.hpp>

#include "app/kernel/errors.hpp"
#include "app/providers/school_units.hpp"
#include "web/kernel/application.hpp"
#include "web/providers/provider_json.hpp"

namespace waypoint::web {
namespace {

Response school_units_page(RequestContext& ctx, const domain::FieldErrors& errors, int status) {
  const auto page = app::school_units(ctx.services, ctx.actor(), {1, 100});
  nlohmann::json units = nlohmann::json::array();
  for (const auto& e : page.items) units.push_back(directory_entry_json(e));
  nlohmann::json data{{"title", "Your school's own units"},
                      {"units", units},
                      {"has_units", !units.empty()},
                      {"notice", ctx.request.query_value("done") == "added"}};
  add_errors(data, errors);
  const auto& r = ctx.request;
  auto text = [&](const char* id, const char* label, const char* hint = "", const char* type = "text") {
    data["fields"][id] =
        input_field(data, {.id = id, .label = label, .value = r.field(id), .type = type, .hint = hint});
  };
  text("name", "Name of the unit", "Like: Learning Support Unit, or The Base");
  text("room", "Room or building where pupils are taught", "Like: The Base, block C");
  text("address", "School's address");
  text("postcode", "Postcode");
  text("contact_name", "Person who runs the unit");
  text("contact_email", "Their email address", "", "email");
  text("contact_phone", "Their phone number", "", "tel");
  data["fields"]["description"] =
      input_field(data, {.id = "description",
                         .label = "What the unit offers (optional)",
                         .value = r.field("description"),
                         .hint = "Like: small-group teaching and a nurture room for pupils at risk of exclusion"});
  return ctx.page("providers/school_units", std::move(data), status);
}

}  // namespace

void add_school_unit_routes(Router& r) {
  r.add("GET", "/school/units", [](Request&, RequestContext& ctx) { return school_units_page(ctx, {}, 200); });
  r.add("POST", "/school/units", [](Request& req, RequestContext& ctx) {
    app::SchoolUnitForm f{req.field("name"),          req.field("contact_name"), req.field("contact_email"),
                          req.field("contact_phone"), req.field("description"),  req.field("room"),
                          req.field("address"),       req.field("postcode")};
    try {
      app::add_school_unit(ctx.services, ctx.actor(), f);
      return Response::redirect("/school/units?done=added");
    } catch (const app::Invalid& e) {
      return school_units_page(ctx, e.errors(), 422);
    }
  });
}

}  // namespace waypoint::web
