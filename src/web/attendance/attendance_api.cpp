// The JSON API for registers, the today board and a pupil's attendance: the same use cases as the
// pages, with the same scope and audit.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string_view>
#include <utility>

#include "app/attendance/registers.hpp"
#include "app/kernel/errors.hpp"
#include "domain/kernel/numbers.hpp"
#include "web/attendance/attendance_json.hpp"
#include "web/kernel/application.hpp"
#include "web/kernel/json_body.hpp"

namespace waypoint::web {
namespace {

// The use case names a pupil's fields as the register page sends them (mark_12, minutes_12,
// reason_12); a caller of the API sent them as marks[i].mark and so on, and is told so.
domain::FieldErrors as_sent(domain::FieldErrors errors, const std::vector<app::MarkInput>& marks) {
  static constexpr std::pair<std::string_view, std::string_view> kPageToApi[] = {
      {"mark_", "mark"}, {"minutes_", "minutes_late"}, {"reason_", "absence_code"}};
  for (auto& e : errors)
    for (const auto& [prefix, name] : kPageToApi) {
      if (!e.field.starts_with(prefix)) continue;
      const auto id = domain::parse_whole_number(std::string_view(e.field).substr(prefix.size()));
      const auto sent = std::find_if(marks.begin(), marks.end(), [&](const auto& m) { return id == m.pupil_id; });
      if (id && sent != marks.end())
        e.field = "marks[" + std::to_string(sent - marks.begin()) + "]." + std::string(name);
      break;
    }
  return errors;
}

}  // namespace

void add_attendance_api_routes(Router& r) {
  r.add("GET", "/api/v1/register", [](Request& req, RequestContext& ctx) {
    return Response::json(200, register_json(app::view_register(ctx.services, ctx.actor(), req.query_value("date"),
                                                                req.query_value("session"), req.query_value("group")))
                                   .dump());
  });

  // {date, session, marks: [{pupil_id, mark, minutes_late, absence_code}], change_reason}
  r.add("POST", "/api/v1/register", [](Request& req, RequestContext& ctx) {
    BodyReader body(json_body(req));
    const auto date = body.text("date", "Enter the date of the register, like 2026-11-23");
    const auto session = body.text("session", "Enter the session: am or pm");
    std::vector<app::MarkInput> marks;
    for (auto& m : body.objects("marks", "Send a mark for at least one pupil"))
      marks.push_back({m.id("pupil_id", "Each mark needs the pupil's id"),
                       m.text("mark", "Each mark needs present, late or absent"), m.text("minutes_late"),
                       m.text("absence_code")});
    const auto reason = body.text("change_reason");
    body.finish();
    try {
      app::take_register(ctx.services, ctx.actor(), date, session, marks, reason);
    } catch (const app::Invalid& e) {
      throw app::Invalid(as_sent(e.errors(), marks));
    }
    return Response::json(200, register_json(app::view_register(ctx.services, ctx.actor(), date, session)).dump());
  });

  r.add("GET", "/api/v1/today", [](Request&, RequestContext& ctx) {
    return Response::json(200, today_json(app::today_board(ctx.services, ctx.actor())).dump());
  });

  r.add("GET", "/api/v1/pupils/{id}/attendance", [](Request& req, RequestContext& ctx) {
    return Response::json(
        200, pupil_attendance_json(app::pupil_attendance(ctx.services, ctx.actor(), id_param(req, "id"))).dump());
  });

  // UPN, date, session, code: the export for the school's management information system.
  r.add("GET", "/api/v1/attendance", [](Request& req, RequestContext& ctx) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& row :
         app::export_attendance(ctx.services, ctx.actor(), req.query_value("from"), req.query_value("to")))
      items.push_back({{"upn", row.upn}, {"date", row.date}, {"session", row.session}, {"code", row.code}});
    return Response::json(200, nlohmann::json{{"items", std::move(items)}}.dump());
  });
}

}  // namespace waypoint::web
