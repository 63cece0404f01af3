// The JSON API for registers, the today board and a pupil's attendance: the same use cases as the
// pages, with the same scope and audit.
#include <nlohmann/json.hpp>

#include "app/attendance/registers.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/numbers.hpp"
#include "web/kernel/application.hpp"
#include "web/kernel/json_body.hpp"

namespace waypoint::web {
namespace {

nlohmann::json mark_json(const std::optional<store::MarkRow>& m) {
  if (!m) return nullptr;
  return {{"mark", m->mark},
          {"minutes_late", m->minutes_late},
          {"absence_code", m->absence_code},
          {"provider_code", m->provider_code},
          {"school_code", m->school_code ? nlohmann::json(*m->school_code) : nlohmann::json()}};
}

nlohmann::json register_json(const app::RegisterView& v) {
  nlohmann::json entries = nlohmann::json::array();
  for (const auto& e : v.entries)
    entries.push_back({{"pupil_id", e.pupil.id},
                       {"name", e.pupil.given_name + " " + e.pupil.family_name},
                       {"placement_id", e.placement_id},
                       {"expected_from", e.expected_from},
                       {"site_id", e.site_id ? nlohmann::json(*e.site_id) : nlohmann::json()},
                       {"mark", mark_json(e.mark)}});
  nlohmann::json groups = nlohmann::json::array();
  for (const auto& g : v.groups) groups.push_back({{"site_id", g.site_id}, {"name", g.name}});
  return {{"date", v.date},         {"session", domain::session_code(v.session)},
          {"opens_at", v.opens_at}, {"closes_at", v.closes_at},
          {"closed", v.closed},     {"taken", v.taken},
          {"groups", groups},       {"entries", entries}};
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
    app::take_register(ctx.services, ctx.actor(), date, session, marks, reason);
    return Response::json(200, register_json(app::view_register(ctx.services, ctx.actor(), date, session)).dump());
  });

  r.add("GET", "/api/v1/today", [](Request&, RequestContext& ctx) {
    const auto board = app::today_board(ctx.services, ctx.actor());
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& row : board.rows) {
      nlohmann::json sessions = nlohmann::json::array();
      for (const auto& x : row.sessions)
        sessions.push_back({{"session", domain::session_code(x.session)},
                            {"expected_from", x.expected_from},
                            {"code", x.code ? nlohmann::json(*x.code) : nlohmann::json()}});
      rows.push_back({{"pupil_id", row.pupil.id},
                      {"name", row.pupil.given_name + " " + row.pupil.family_name},
                      {"provider", row.provider_name},
                      {"placement_id", row.placement_id},
                      {"sessions", sessions}});
    }
    return Response::json(200, nlohmann::json{{"date", board.date}, {"pupils", rows}}.dump());
  });

  r.add("GET", "/api/v1/pupils/{id}/attendance", [](Request& req, RequestContext& ctx) {
    const auto v = app::pupil_attendance(ctx.services, ctx.actor(), id_param(req, "id"));
    nlohmann::json marks = nlohmann::json::array();
    for (const auto& m : v.marks)
      marks.push_back(
          {{"date", m.session_date}, {"session", m.session}, {"provider_id", m.provider_id}, {"mark", mark_json(m)}});
    return Response::json(200, nlohmann::json{{"possible", v.summary.possible},
                                              {"attended", v.summary.attended},
                                              {"authorised", v.summary.authorised},
                                              {"unauthorised", v.summary.unauthorised},
                                              {"persistent_absence", v.summary.persistent_absence()},
                                              {"severe_absence", v.summary.severe_absence()},
                                              {"marks", marks}}
                                   .dump());
  });
}

}  // namespace waypoint::web
