// The JSON API for registers, alerts, progress logs, incidents and safeguarding concerns: the same
// use cases as the pages, with the same scope and audit.
#include <nlohmann/json.hpp>

#include "app/alerts.hpp"
#include "app/concerns.hpp"
#include "app/errors.hpp"
#include "app/progress.hpp"
#include "app/registers.hpp"
#include "domain/calendar_date.hpp"
#include "domain/numbers.hpp"
#include "web/application.hpp"
#include "web/json_body.hpp"

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

nlohmann::json alert_json(const store::AlertRow& a) {
  return {{"id", a.id},
          {"kind", a.kind},
          {"pupil_id", a.pupil_id ? nlohmann::json(*a.pupil_id) : nlohmann::json()},
          {"school_id", a.school_id},
          {"provider_id", a.provider_id ? nlohmann::json(*a.provider_id) : nlohmann::json()},
          {"date", a.session_date},
          {"session", a.session},
          {"summary", a.summary},
          {"raised_at", a.raised_at},
          {"closed_at", a.closed_at ? nlohmann::json(*a.closed_at) : nlohmann::json()},
          {"outcome", a.outcome ? nlohmann::json(*a.outcome) : nlohmann::json()}};
}

nlohmann::json concern_json(const store::ConcernRow& c) {
  return {{"id", c.id},
          {"pupil_id", c.pupil_id},
          {"category", c.category},
          {"happened_on", c.happened_on},
          {"what_happened", c.what_happened},
          {"action_taken", c.action_taken},
          {"recorded_by", c.logged_by_name},
          {"recorded_at", c.logged_at}};
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
    const auto body = json_body(req);
    std::vector<app::MarkInput> marks;
    if (body.contains("marks") && body["marks"].is_array())
      for (const auto& m : body["marks"])
        if (const auto id = domain::parse_whole_number(text_of(m, "pupil_id")))
          marks.push_back({*id, text_of(m, "mark"), text_of(m, "minutes_late"), text_of(m, "absence_code")});
    app::take_register(ctx.services, ctx.actor(), text_of(body, "date"), text_of(body, "session"), marks,
                       text_of(body, "change_reason"));
    return Response::json(200, register_json(app::view_register(ctx.services, ctx.actor(), text_of(body, "date"),
                                                                text_of(body, "session")))
                                   .dump());
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

  r.add("GET", "/api/v1/pupils/{id}/progress", [](Request& req, RequestContext& ctx) {
    const auto v = app::pupil_progress(ctx.services, ctx.actor(), id_param(req, "id"));
    nlohmann::json logs = nlohmann::json::array(), incidents = nlohmann::json::array(), weeks = nlohmann::json::array();
    for (const auto& l : v.logs) {
      nlohmann::json values = nlohmann::json::array();
      for (const auto& [objective, value] : l.values) values.push_back({{"objective_id", objective}, {"value", value}});
      logs.push_back({{"date", l.log_date},
                      {"period", l.period},
                      {"provider_id", l.provider_id},
                      {"engagement", l.engagement},
                      {"behaviour", l.behaviour},
                      {"wellbeing", l.wellbeing},
                      {"work_covered", l.work_covered},
                      {"values", values}});
    }
    for (const auto& i : v.incidents)
      incidents.push_back({{"id", i.id},
                           {"date", i.happened_on},
                           {"severity", i.severity},
                           {"provider_id", i.provider_id},
                           {"description", i.description},
                           {"action_taken", i.action_taken}});
    for (const auto& w : v.weeks)
      weeks.push_back({{"week_of", domain::format_date(w.monday)}, {"mean_engagement", w.mean}, {"logs", w.logs}});
    return Response::json(200, nlohmann::json{{"logs", logs}, {"incidents", incidents}, {"weeks", weeks}}.dump());
  });

  // {date, period, engagement, behaviour, wellbeing, work_covered, values: [{objective_id, value}]}
  r.add("POST", "/api/v1/placements/{id}/progress", [](Request& req, RequestContext& ctx) {
    const auto body = json_body(req);
    domain::ProgressInput in{text_of(body, "date"),
                             text_of(body, "period"),
                             text_of(body, "engagement"),
                             text_of(body, "behaviour"),
                             text_of(body, "wellbeing"),
                             text_of(body, "work_covered"),
                             {}};
    if (body.contains("values") && body["values"].is_array())
      for (const auto& v : body["values"])
        if (const auto id = domain::parse_whole_number(text_of(v, "objective_id")))
          in.values.push_back({*id, text_of(v, "value")});
    app::log_progress(ctx.services, ctx.actor(), id_param(req, "id"), in);
    return Response::json(201, "{}");
  });

  // {date, severity, description, action_taken}
  r.add("POST", "/api/v1/placements/{id}/incidents", [](Request& req, RequestContext& ctx) {
    const auto body = json_body(req);
    app::log_incident(ctx.services, ctx.actor(), id_param(req, "id"),
                      {text_of(body, "date"), text_of(body, "severity"), text_of(body, "description"),
                       text_of(body, "action_taken")});
    return Response::json(201, "{}");
  });

  r.add("GET", "/api/v1/alerts", [](Request& req, RequestContext& ctx) {
    const int number = page_number(req);
    const auto page = app::alert_inbox(ctx.services, ctx.actor(), {number, 25});
    nlohmann::json items = nlohmann::json::array();
    for (const auto& a : page.items) items.push_back(alert_json(a));
    return Response::json(200, nlohmann::json{{"items", items}, {"page", number}, {"has_next", page.has_next}}.dump());
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

  r.add("GET", "/api/v1/pupils/{id}/concerns", [](Request& req, RequestContext& ctx) {
    const int number = page_number(req);
    const auto v = app::concerns_of_pupil(ctx.services, ctx.actor(), id_param(req, "id"), {number, 25});
    if (!v.may_read) throw app::NotFound();
    nlohmann::json items = nlohmann::json::array();
    for (const auto& c : v.concerns.items) items.push_back(concern_json(c));
    return Response::json(200,
                          nlohmann::json{{"items", items}, {"page", number}, {"has_next", v.concerns.has_next}}.dump());
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
