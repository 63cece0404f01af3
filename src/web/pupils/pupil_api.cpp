// The JSON API for pupils: the school's roll, one pupil's record, adding and correcting pupils and
// their contacts, and importing a roll from a CTF or CSV file.
#include <nlohmann/json.hpp>

#include "app/kernel/errors.hpp"
#include "app/pupils/pupils.hpp"
#include "domain/kernel/csv.hpp"
#include "web/kernel/application.hpp"
#include "web/kernel/json_body.hpp"
#include "web/pupils/ctf_reader.hpp"
#include "web/pupils/placement_json.hpp"
#include "web/pupils/pupil_json.hpp"

namespace waypoint::web {
namespace {

app::PupilForm pupil_form_from_json(const nlohmann::json& b) {
  return {text_of(b, "upn"),           text_of(b, "given_name"),    text_of(b, "family_name"),
          text_of(b, "date_of_birth"), text_of(b, "gender"),        list_of(b, "needs"),
          flag_of(b, "looked_after"),  flag_of(b, "child_in_need"), flag_of(b, "child_protection_plan")};
}

}  // namespace

void add_pupil_api_routes(Router& r) {
  r.add("GET", "/api/v1/pupils", [](Request& req, RequestContext& ctx) {
    const int number = page_number(req);
    auto page = app::list_pupils(ctx.services, ctx.actor(), {number, 100}, req.query_value("q"));
    nlohmann::json items = nlohmann::json::array();
    for (const auto& p : page.items) items.push_back(pupil_json(p, ctx.services.today()));
    nlohmann::json body{{"items", std::move(items)}, {"page", number}, {"has_next", page.has_next}};
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

  r.add("POST", "/api/v1/pupils", [](Request& req, RequestContext& ctx) {
    return created(app::add_pupil(ctx.services, ctx.actor(), pupil_form_from_json(json_body(req))));
  });

  r.add("PUT", "/api/v1/pupils/{id}", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    app::update_pupil(ctx.services, ctx.actor(), id, pupil_form_from_json(json_body(req)));
    return Response::json(200, pupil_json(app::view_pupil(ctx.services, ctx.actor(), id), ctx.services.today()).dump());
  });

  r.add("POST", "/api/v1/pupils/{id}/contacts", [](Request& req, RequestContext& ctx) {
    const auto b = json_body(req);
    domain::PupilContact c;
    c.role = text_of(b, "role");
    c.name = text_of(b, "name");
    c.relationship = text_of(b, "relationship");
    c.parental_responsibility = flag_of(b, "parental_responsibility");
    c.email = text_of(b, "email");
    c.phone = text_of(b, "phone");
    c.address = text_of(b, "address");
    c.preferred_contact = text_of(b, "preferred_contact");
    c.involved_since = text_of(b, "involved_since");
    c.preferred_language = text_of(b, "preferred_language");
    c.needs_interpreter = flag_of(b, "needs_interpreter");
    return created(app::add_contact(ctx.services, ctx.actor(), id_param(req, "id"), c));
  });

  // The body is the file itself: a CTF (XML) or a CSV with named columns.
  r.add("POST", "/api/v1/pupils/import", [](Request& req, RequestContext& ctx) {
    std::vector<domain::RawPupil> rows;
    const auto first = req.body.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    const bool ctf = first != std::string::npos && req.body[first] == '<';
    try {
      if (ctf) {
        rows = read_ctf(req.body);
      } else {
        auto csv = domain::read_pupil_csv(domain::windows1252_to_utf8(req.body));
        if (!csv.problem.empty() && !req.body.empty()) throw app::Invalid("file", csv.problem);
        rows = std::move(csv.rows);
      }
    } catch (const CtfError& e) {
      throw app::Invalid("file", e.what());
    }
    const auto report = app::import_pupils(ctx.services, ctx.actor(), rows, ctf ? "ctf" : "csv");
    nlohmann::json rejected = nlohmann::json::array();
    for (const auto& x : report.rejected) rejected.push_back({{"line", x.line}, {"upn", x.upn}, {"reason", x.reason}});
    return Response::json(
        200, nlohmann::json{{"created", report.created}, {"updated", report.updated}, {"rejected", std::move(rejected)}}
                 .dump());
  });
}

}  // namespace waypoint::web
