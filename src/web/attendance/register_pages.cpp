#include <nlohmann/json.hpp>

#include "app/attendance/registers.hpp"
#include "app/kernel/errors.hpp"
#include "app/progress/progress.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/csv.hpp"
#include "domain/kernel/numbers.hpp"
#include "domain/placements/timetable.hpp"
#include "web/attendance/attendance_calendar.hpp"
#include "web/attendance/attendance_json.hpp"
#include "web/kernel/application.hpp"
#include "web/progress/engagement_chart.hpp"
#include "web/progress/progress_json.hpp"

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
  auto data = register_summary_json(v);
  const auto session_name = v.session == domain::Session::Morning ? "morning" : "afternoon";
  data["title"] = "Register: " + data["date_text"].get<std::string>() + ", " + session_name;
  data["day_input"] = typed_day.empty() ? v.date : typed_day;
  data["is_am"] = v.session == domain::Session::Morning;
  data["session_name"] = session_name;
  data["empty"] = v.entries.empty();
  data["notice"] = r.query_value("done");
  data["change_reason"] = r.field("change_reason");
  data["group"] = v.group ? std::to_string(*v.group) : "";
  data["has_groups"] = v.groups.size() > 1;
  nlohmann::json groups = nlohmann::json::array();
  for (const auto& g : v.groups)
    groups.push_back({{"id", g.site_id}, {"name", g.name}, {"selected", v.group == g.site_id}});
  data["groups"] = std::move(groups);
  add_errors(data, errors);
  data["day_field"] =
      input_field(data, {.id = "date", .label = "Date", .value = data["day_input"].get<std::string>(), .type = "date"});
  // Each row's select of reasons, written once as HTML rather than once a pupil (30 options for
  // each of 30 pupils were a third of the page's rendering): with none chosen, and with each
  // chosen. The reasons never change, so neither does the HTML: it is written at the first register
  // shown.
  static const auto reasons_html = [&] {
    const auto reasons = provider_reasons();
    std::map<std::string, std::string, std::less<>> out;
    for (const auto& chosen : reasons) {
      const std::string code(chosen.code);
      out[code] = ctx.templates.render("registers/reason_options", {{"options", options(reasons, code)}});
    }
    out[""] = ctx.templates.render("registers/reason_options", {{"options", options(reasons, "")}});
    return out;
  }();
  const auto& unchosen = reasons_html.at("");
  data["reason_options_html"] = unchosen;
  // Each row holds only what the page shows of the pupil (the API's entries carry ids, times and
  // the whole mark): a register is thirty of these, and each key is an allocation to make and to
  // search when the row is rendered.
  nlohmann::json rows = nlohmann::json::array();
  rows.get_ref<nlohmann::json::array_t&>().reserve(v.entries.size());
  const auto& errors_by_field = data["errors"];
  for (const auto& e : v.entries) {
    auto& row = rows.emplace_back(nlohmann::json::object());
    auto id = std::to_string(e.pupil.id);
    row["name"] = e.pupil.given_name + " " + e.pupil.family_name;
    row["expected_from_text"] = domain::format_clock(e.expected_from);
    row["recorded_code"] = e.mark ? e.mark->provider_code : std::string();
    // What was typed, or what was recorded, or present: "all present" is the starting point.
    auto typed = r.field("mark_" + id);
    const auto mark = !typed.empty() ? typed : (e.mark ? e.mark->mark : std::string("present"));
    const auto minutes = r.field("minutes_" + id).empty() && e.mark && e.mark->minutes_late
                             ? std::to_string(e.mark->minutes_late)
                             : r.field("minutes_" + id);
    const auto reason = r.field("reason_" + id).empty() && e.mark ? e.mark->absence_code : r.field("reason_" + id);
    // The row's own options, with its reason chosen (a code that is not a provider's reason, as
    // typed into a sent form, chooses none, as the select cannot show it).
    row["reason_chosen"] = !reason.empty();
    if (!reason.empty()) {
      const auto chosen = reasons_html.find(reason);
      row["chosen_options_html"] = chosen != reasons_html.end() ? chosen->second : unchosen;
    }
    row["present"] = mark == "present";
    row["late"] = mark == "late";
    row["absent"] = mark == "absent";
    for (const auto* field : {"mark_", "minutes_", "reason_"}) {
      const auto error = errors_by_field.find(field + id);
      if (error != errors_by_field.end()) row[std::string(field) + "error"] = *error;
    }
    row["minutes"] = minutes;
    row["id"] = std::move(id);
  }
  data["rows"] = std::move(rows);
  data["change_error"] =
      data["errors"].contains("change_reason") ? data["errors"]["change_reason"] : nlohmann::json("");
  return ctx.page("registers/take", std::move(data), status);
}

std::vector<domain::CodeLabel> all_codes() {
  std::vector<domain::CodeLabel> out;
  for (const auto& c : domain::attendance_codes()) out.push_back({c.code, c.meaning});
  return out;
}

// A school year is 380 sessions: a page lists five weeks of them, the summary counts the whole year.
constexpr int kSessionsAPage = 50;

Response attendance_page(RequestContext& ctx, std::int64_t pupil_id, const domain::FieldErrors& errors, int status) {
  const auto& r = ctx.request;
  const int number = page_number(r);
  const auto v = app::pupil_attendance(ctx.services, ctx.actor(), pupil_id,
                                       {.page = store::PageRequest{number, kSessionsAPage},
                                        .recent_from = calendar_first_day(ctx.services.today(), 6),
                                        .progress = true});
  auto data = attendance_summary_json(v);
  data["title"] = "Attendance: " + v.pupil.given_name + " " + v.pupil.family_name;
  data["pupil_name"] = v.pupil.given_name + " " + v.pupil.family_name;
  data["persistent"] = v.summary.persistent_absence() && !v.summary.severe_absence();
  data["can_correct"] = v.can_correct;
  data["notice"] = r.query_value("done");
  add_errors(data, errors);
  data["has_marks"] = !v.marks.empty();
  data["no_marks_yet"] = v.marks.empty() && number == 1;
  data["sessions"] = session_rows_json(v.marks);
  data["pager"] = pagination("/pupils/" + std::to_string(pupil_id) + "/attendance", number, v.more);
  data["calendar"] = attendance_calendar(v.recent, ctx.services.today(), 6);
  const auto& progress = v.progress;
  data["chart"] = engagement_chart_svg(progress.weeks);
  // The weeks and incidents alone: the year's logs behind the weeks are not listed here.
  auto& weeks = data["weeks"] = nlohmann::json::array();
  for (const auto& w : progress.weeks) weeks.push_back(engagement_week_json(w));
  data["has_weeks"] = !progress.weeks.empty();
  auto& incidents = data["incidents"] = nlohmann::json::array();
  for (const auto& i : progress.incidents) incidents.push_back(incident_json(i));
  data["has_incidents"] = !progress.incidents.empty();
  auto& fields = data["fields"];
  fields["date"] = input_field(data, {.id = "date",
                                      .label = "Date",
                                      .value = date_field(r, "date"),
                                      .type = "date",
                                      .hint = "For example, 23 11 2026"});
  auto session = input_field(data, {.id = "session", .label = "Session"});
  session["options"] = options({{"am", "Morning"}, {"pm", "Afternoon"}}, r.field("session"));
  fields["session"] = std::move(session);
  auto code = input_field(data, {.id = "code", .label = "Code to send"});
  code["options"] = options(all_codes(), r.field("code"));
  fields["code"] = std::move(code);
  fields["reason"] = input_field(data, {.id = "reason", .label = "Why", .value = r.field("reason")});
  return ctx.page("pupils/attendance", std::move(data), status);
}

}  // namespace

void add_register_routes(Router& r) {
  r.add("GET", "/today", [](Request&, RequestContext& ctx) {
    auto data = today_json(app::today_board(ctx.services, ctx.actor()));
    data["title"] = "Today, " + data["date_text"].get<std::string>();
    data["count"] = data["pupils"].size();
    data["one"] = data["pupils"].size() == 1;  // "1 of your pupils is", not "are"
    data["empty"] = data["pupils"].empty();
    return ctx.page("registers/today", std::move(data));
  });

  r.add("GET", "/pupils/{id}/attendance",
        [](Request& req, RequestContext& ctx) { return attendance_page(ctx, id_param(req, "id"), {}, 200); });

  r.add("POST", "/pupils/{id}/attendance/correct", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    try {
      app::correct_attendance(ctx.services, ctx.actor(), id, date_field(req, "date"), req.field("session"),
                              req.field("code"), req.field("reason"));
    } catch (const app::Invalid& e) {
      return attendance_page(ctx, id, e.errors(), 422);
    }
    return Response::redirect("/pupils/" + std::to_string(id) + "/attendance?done=corrected");
  });

  r.add("GET", "/register", [](Request& req, RequestContext& ctx) {
    return register_page(ctx, date_query(req, "date"), req.query_value("session"), {}, 200);
  });

  // UPN, date, session, code: for the school's management information system.
  r.add("GET", "/attendance/export.csv", [](Request& req, RequestContext& ctx) {
    const auto rows = app::export_attendance(ctx.services, ctx.actor(), date_query(req, "from"), date_query(req, "to"));
    std::string body = domain::csv_row({"UPN", "Date", "Session", "Code"});
    for (const auto& row : rows) body += domain::csv_row({row.upn, row.date, row.session, row.code});
    auto res = Response::text(200, body, "text/csv; charset=utf-8");
    res.headers.emplace_back("Content-Disposition", "attachment; filename=\"attendance.csv\"");
    return res;
  });

  r.add("POST", "/register", [](Request& req, RequestContext& ctx) {
    const auto date = req.field("date"), session = req.field("session");
    std::vector<app::MarkInput> marks;
    for (const auto& id_text : req.fields("pupil_id")) {
      const auto id = domain::parse_whole_number(id_text);
      // Not from the register's own form: refused, rather than the rest sent without it.
      if (!id)
        return register_page(ctx, date, session,
                             {{"pupil_id",
                               "A pupil in what was sent is not on the register: open the register "
                               "again and send it from there"}},
                             422);
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
