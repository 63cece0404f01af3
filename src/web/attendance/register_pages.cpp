#include <nlohmann/json.hpp>

#include "app/attendance/registers.hpp"
#include "app/kernel/errors.hpp"
#include "app/progress/progress.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/csv.hpp"
#include "domain/kernel/numbers.hpp"
#include "domain/placements/timetable.hpp"
#include "web/attendance/attendance_calendar.hpp"
#include "web/kernel/application.hpp"
#include "web/progress/engagement_chart.hpp"

namespace waypoint::web {
namespace {

// The absence reasons a provider may give, for the select on each row.
std::vector<domain::CodeLabel> provider_reasons() {
  std::vector<domain::CodeLabel> out;
  for (const auto& c : domain::attendance_codes())
    if (c.provider_may_use) out.push_back({c.code, c.meaning});
  return out;
}

Response register_page(RequestContext& ctx, const std::string& date, const std::string& session,
                       domain::FieldErrors errors, int status) {
  const auto& r = ctx.request;
  const auto group = r.field("group").empty() ? r.query_value("group") : r.field("group");
  // A day or session that cannot be shown keeps the page: today's morning, with the error beside
  // the boxes as typed, so the person corrects it where they typed it.
  std::optional<app::RegisterView> shown;
  std::string typed_day;
  try {
    shown = app::view_register(ctx.services, ctx.actor(), date, session, group);
  } catch (const app::Invalid& e) {
    for (const auto& fe : e.errors())  // a refused send has named these already
      if (std::none_of(errors.begin(), errors.end(), [&](const auto& x) { return x.field == fe.field; }))
        errors.push_back(fe);
    typed_day = date;
    status = 422;
    shown = app::view_register(ctx.services, ctx.actor(), "", "", group);
  }
  const auto& v = *shown;
  const auto session_name = v.session == domain::Session::Morning ? "morning" : "afternoon";
  nlohmann::json data{{"title", std::string("Register: ") + v.date + ", " + session_name},
                      {"date", v.date},
                      {"day_input", typed_day.empty() ? v.date : typed_day},
                      {"session", std::string(domain::session_code(v.session))},
                      {"is_am", v.session == domain::Session::Morning},
                      {"session_name", session_name},
                      {"opens_at", domain::format_clock(v.opens_at)},
                      {"closes_at", domain::format_clock(v.closes_at)},
                      {"closed", v.closed},
                      {"taken", v.taken},
                      {"empty", v.entries.empty()},
                      {"notice", r.query_value("done")},
                      {"change_reason", r.field("change_reason")},
                      {"group", v.group ? std::to_string(*v.group) : ""},
                      {"has_groups", v.groups.size() > 1}};
  nlohmann::json groups = nlohmann::json::array();
  for (const auto& g : v.groups)
    groups.push_back({{"id", g.site_id}, {"name", g.name}, {"selected", v.group == g.site_id}});
  data["groups"] = groups;
  add_errors(data, errors);
  const auto reasons = provider_reasons();
  nlohmann::json rows = nlohmann::json::array();
  nlohmann::json ids = nlohmann::json::array();
  for (const auto& e : v.entries) {
    const auto id = std::to_string(e.pupil.id);
    ids.push_back(id);
    // What was typed, or what was recorded, or present: "all present" is the starting point.
    auto typed = r.field("mark_" + id);
    const auto mark = !typed.empty() ? typed : (e.mark ? e.mark->mark : std::string("present"));
    const auto minutes = r.field("minutes_" + id).empty() && e.mark && e.mark->minutes_late
                             ? std::to_string(e.mark->minutes_late)
                             : r.field("minutes_" + id);
    const auto reason = r.field("reason_" + id).empty() && e.mark ? e.mark->absence_code : r.field("reason_" + id);
    auto reason_field = input_field(data, {.id = "reason_" + id, .label = "Reason for absence"});
    reason_field["options"] = options(reasons, reason);
    auto minutes_field = input_field(
        data, {.id = "minutes_" + id, .label = "Minutes late", .value = minutes, .width = "govuk-input--width-3"});
    rows.push_back(
        {{"id", id},
         {"name", e.pupil.given_name + " " + e.pupil.family_name},
         {"expected_from", domain::format_clock(e.expected_from)},
         {"present", mark == "present"},
         {"late", mark == "late"},
         {"absent", mark == "absent"},
         {"recorded_code", e.mark ? e.mark->provider_code : ""},
         {"mark_error", data["errors"].contains("mark_" + id) ? data["errors"]["mark_" + id] : nlohmann::json("")},
         {"minutes", minutes_field},
         {"reason", reason_field}});
  }
  data["rows"] = rows;
  data["pupil_ids"] = ids;
  data["change_error"] =
      data["errors"].contains("change_reason") ? data["errors"]["change_reason"] : nlohmann::json("");
  return ctx.page("registers/take", data, status);
}

std::vector<domain::CodeLabel> all_codes() {
  std::vector<domain::CodeLabel> out;
  for (const auto& c : domain::attendance_codes()) out.push_back({c.code, c.meaning});
  return out;
}

Response attendance_page(RequestContext& ctx, std::int64_t pupil_id, const domain::FieldErrors& errors, int status) {
  const auto v = app::pupil_attendance(ctx.services, ctx.actor(), pupil_id);
  const auto& r = ctx.request;
  nlohmann::json data{{"title", "Attendance: " + v.pupil.given_name + " " + v.pupil.family_name},
                      {"pupil_id", v.pupil.id},
                      {"pupil_name", v.pupil.given_name + " " + v.pupil.family_name},
                      {"possible", v.summary.possible},
                      {"attended", v.summary.attended},
                      {"authorised", v.summary.authorised},
                      {"unauthorised", v.summary.unauthorised},
                      {"rate", v.summary.possible ? domain::one_decimal(v.summary.rate() * 100) + "%"
                                                  : std::string("No possible sessions yet")},
                      {"persistent", v.summary.persistent_absence() && !v.summary.severe_absence()},
                      {"severe", v.summary.severe_absence()},
                      {"can_correct", v.can_correct},
                      {"notice", r.query_value("done")}};
  add_errors(data, errors);
  nlohmann::json marks = nlohmann::json::array();
  for (const auto& m : v.marks) {
    const auto shown = m.code();
    const auto meaning = domain::find_attendance_code(shown);
    marks.push_back({{"date", m.session_date},
                     {"session", m.session == "am" ? "Morning" : "Afternoon"},
                     {"code", shown},
                     {"meaning", meaning ? std::string(meaning->meaning) : ""},
                     {"provider_code", m.provider_code},
                     {"corrected", m.school_code.has_value() && *m.school_code != m.provider_code}});
  }
  data["marks"] = marks;
  data["has_marks"] = !marks.empty();
  data["calendar"] = attendance_calendar(v.marks, ctx.services.today(), 6);
  const auto& progress = v.progress;
  data["chart"] = engagement_chart_svg(progress.weeks);
  nlohmann::json weeks = nlohmann::json::array();
  for (const auto& w : progress.weeks) {
    weeks.push_back(
        {{"week_of", domain::format_date(w.monday)}, {"mean", domain::one_decimal(w.mean)}, {"logs", w.logs}});
  }
  data["weeks"] = weeks;
  data["has_weeks"] = !weeks.empty();
  nlohmann::json incidents = nlohmann::json::array();
  for (const auto& i : progress.incidents)
    incidents.push_back({{"date", i.happened_on},
                         {"severity", domain::label_of(domain::incident_severities(), i.severity)},
                         {"high", i.severity == "high"},
                         {"provider", i.provider_name},
                         {"description", i.description},
                         {"action", i.action_taken}});
  data["incidents"] = incidents;
  data["has_incidents"] = !incidents.empty();
  auto& fields = data["fields"];
  fields["date"] = input_field(data, {.id = "date",
                                      .label = "Date",
                                      .value = r.field("date"),
                                      .hint = "Like 2026-11-23",
                                      .width = "govuk-input--width-10"});
  auto session = input_field(data, {.id = "session", .label = "Session"});
  session["options"] = options({{"am", "Morning"}, {"pm", "Afternoon"}}, r.field("session"));
  fields["session"] = session;
  auto code = input_field(data, {.id = "code", .label = "Code to send"});
  code["options"] = options(all_codes(), r.field("code"));
  fields["code"] = code;
  fields["reason"] = input_field(data, {.id = "reason", .label = "Why", .value = r.field("reason")});
  return ctx.page("pupils/attendance", data, status);
}

}  // namespace

void add_register_routes(Router& r) {
  r.add("GET", "/today", [](Request&, RequestContext& ctx) {
    const auto board = app::today_board(ctx.services, ctx.actor());
    nlohmann::json rows = nlohmann::json::array();
    int unexplained = 0, missing = 0;
    for (const auto& row : board.rows) {
      nlohmann::json sessions = nlohmann::json::array();
      for (const auto& x : row.sessions) {
        const auto meaning = x.code ? domain::find_attendance_code(*x.code) : std::nullopt;
        const bool absent = meaning && (meaning->counts_as == domain::SessionMeaning::AuthorisedAbsence ||
                                        meaning->counts_as == domain::SessionMeaning::UnauthorisedAbsence);
        const bool not_explained = x.code && *x.code == "N";
        unexplained += not_explained;
        missing += !x.code;
        sessions.push_back({{"name", x.session == domain::Session::Morning ? "Morning" : "Afternoon"},
                            {"from", domain::format_clock(x.expected_from)},
                            {"taken", x.code.has_value()},
                            {"code", x.code.value_or("")},
                            {"meaning", meaning ? std::string(meaning->meaning) : ""},
                            {"tag", not_explained ? "govuk-tag--red"
                                    : absent      ? "govuk-tag--orange"
                                                  : "govuk-tag--green"}});
      }
      rows.push_back({{"pupil_id", row.pupil.id},
                      {"name", row.pupil.given_name + " " + row.pupil.family_name},
                      {"provider", row.provider_name},
                      {"placement_id", row.placement_id},
                      {"sessions", sessions}});
    }
    nlohmann::json data{{"title", "Today, " + board.date}, {"rows", rows},
                        {"empty", rows.empty()},           {"count", rows.size()},
                        {"unexplained", unexplained},      {"missing", missing}};
    return ctx.page("registers/today", data);
  });

  r.add("GET", "/pupils/{id}/attendance",
        [](Request& req, RequestContext& ctx) { return attendance_page(ctx, id_param(req, "id"), {}, 200); });

  r.add("POST", "/pupils/{id}/attendance/correct", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    try {
      app::correct_attendance(ctx.services, ctx.actor(), id, req.field("date"), req.field("session"), req.field("code"),
                              req.field("reason"));
    } catch (const app::Invalid& e) {
      return attendance_page(ctx, id, e.errors(), 422);
    }
    return Response::redirect("/pupils/" + std::to_string(id) + "/attendance?done=corrected");
  });

  r.add("GET", "/register", [](Request& req, RequestContext& ctx) {
    return register_page(ctx, req.query_value("date"), req.query_value("session"), {}, 200);
  });

  // UPN, date, session, code: for the school's management information system.
  r.add("GET", "/attendance/export.csv", [](Request& req, RequestContext& ctx) {
    const auto rows = app::export_attendance(ctx.services, ctx.actor(), req.query_value("from"), req.query_value("to"));
    std::string body = domain::csv_row({"UPN", "Date", "Session", "Code"});
    for (const auto& row : rows) body += domain::csv_row({row.upn, row.date, row.session, row.code});
    auto res = Response::text(200, body, "text/csv; charset=utf-8");
    res.headers.emplace_back("Content-Disposition", "attachment; filename=\"attendance.csv\"");
    return res;
  });

  r.add("GET", "/api/v1/attendance", [](Request& req, RequestContext& ctx) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& row :
         app::export_attendance(ctx.services, ctx.actor(), req.query_value("from"), req.query_value("to")))
      items.push_back({{"upn", row.upn}, {"date", row.date}, {"session", row.session}, {"code", row.code}});
    return Response::json(200, nlohmann::json{{"items", items}}.dump());
  });

  r.add("POST", "/register", [](Request& req, RequestContext& ctx) {
    const auto date = req.field("date"), session = req.field("session");
    std::vector<app::MarkInput> marks;
    for (const auto& id_text : req.fields("pupil_id")) {
      const auto id = domain::parse_whole_number(id_text);
      if (!id) continue;
      const auto n = std::to_string(*id);
      marks.push_back({*id, req.field("mark_" + n), req.field("minutes_" + n), req.field("reason_" + n)});
    }
    try {
      app::take_register(ctx.services, ctx.actor(), date, session, marks, req.field("change_reason"));
    } catch (const app::Invalid& e) {
      return register_page(ctx, date, session, e.errors(), 422);
    }
    return Response::redirect("/register?date=" + url_encode(date) + "&session=" + url_encode(session) +
                              "&group=" + url_encode(req.field("group")) + "&done=taken");
  });
}

}  // namespace waypoint::web
