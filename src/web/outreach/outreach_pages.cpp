// Outreach: a pupil's cases and opening one, a case with its home visits, barriers, plan and
// sessions, the worker's caseload and the LA's view (pages and API).
#include <nlohmann/json.hpp>

#include "app/kernel/errors.hpp"
#include "app/outreach/outreach.hpp"
#include "domain/attendance/attendance.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/code_label.hpp"
#include "web/kernel/application.hpp"
#include "web/kernel/date_input.hpp"
#include "web/kernel/json_body.hpp"
#include "web/outreach/outreach_json.hpp"

namespace waypoint::web {
namespace {

constexpr int kPlanRows = 5;  // on the form; the API takes any number

std::string case_path(std::int64_t id) { return "/outreach/" + std::to_string(id); }

const std::vector<domain::CodeLabel>& yes_no() {
  static const std::vector<domain::CodeLabel> list{{"yes", "Yes"}, {"no", "No"}};
  return list;
}

// The absence codes a worker may give for a session the pupil missed, as a provider may.
std::vector<domain::CodeLabel> absence_reasons() {
  std::vector<domain::CodeLabel> out;
  for (const auto& c : domain::attendance_codes())
    if (c.provider_may_use) out.push_back({c.code, c.meaning});
  return out;
}

nlohmann::json radios(const nlohmann::json& data, const std::string& id, const std::string& label,
                      const std::vector<domain::CodeLabel>& list, const std::string& value,
                      const std::string& hint = "") {
  auto f = input_field(data, {.id = id, .label = label, .hint = hint});
  f["items"] = checkboxes(id, list, {value});
  return f;
}

nlohmann::json select(const nlohmann::json& data, const std::string& id, const std::string& label,
                      const std::vector<domain::CodeLabel>& list, const std::string& value) {
  auto f = input_field(data, {.id = id, .label = label});
  f["options"] = options(list, value);
  return f;
}

Response pupil_outreach_page(RequestContext& ctx, std::int64_t pupil_id, const domain::FieldErrors& errors,
                             int status) {
  const auto v = app::outreach_of_pupil(ctx.services, ctx.actor(), pupil_id);
  const auto& r = ctx.request;
  nlohmann::json cases = nlohmann::json::array();
  for (const auto& c : v.cases) cases.push_back(outreach_case_json(c));
  nlohmann::json data{{"title", "Outreach for " + v.pupil.given_name + " " + v.pupil.family_name},
                      {"pupil_id", pupil_id},
                      {"given_name", v.pupil.given_name},
                      {"cases", std::move(cases)},
                      {"has_cases", !v.cases.empty()},
                      {"can_open", v.can_open}};
  add_errors(data, errors);
  data["fields"]["worker_email"] =
      input_field(data, {.id = "worker_email",
                         .label = "Outreach worker's email address",
                         .value = r.field("worker_email"),
                         .type = "email",
                         .hint = "Someone at the local authority or at a provider, with a Waypoint account"});
  data["fields"]["referred_because"] =
      radios(data, "referred_because", "Why does " + v.pupil.given_name + " need outreach?",
             domain::outreach_referral_reasons(), r.field("referred_because"));
  return ctx.page("outreach/pupil_outreach", std::move(data), status);
}

Response case_page(RequestContext& ctx, std::int64_t case_id, const domain::FieldErrors& errors, int status) {
  const auto v = app::view_outreach_case(ctx.services, ctx.actor(), case_id);
  const auto& r = ctx.request;
  auto data = outreach_case_view_json(v);
  data["title"] = "Outreach: " + v.row.pupil_name;
  data["has_visits"] = !v.visits.empty();
  data["has_barriers"] = !v.barriers.empty();
  data["has_plan"] = !v.plan.empty();
  data["has_sessions"] = !v.sessions.empty();
  const auto done = r.query_value("done");
  static const std::vector<domain::CodeLabel> notices{
      {"opened", "Case opened: it is on the worker's caseload"},
      {"visit", "Home visit recorded"},
      {"visit_alerted", "Home visit recorded. The school's DSL and the local authority have been alerted"},
      {"barriers", "Barrier assessment saved"},
      {"plan", "Plan of sessions saved"},
      {"session", "Session recorded: it counts in the school's register"},
      {"closed", "The case is closed"}};
  data["notice"] = domain::in_list(notices, done);
  data["notice_text"] = std::string(domain::label_of(notices, done));
  add_errors(data, errors);
  auto& f = data["fields"];
  f["held_on"] = input_field(data, {.id = "held_on",
                                    .label = "Date of the session",
                                    .value = date_field(r, "held_on"),
                                    .type = "date",
                                    .hint = date_example(ctx.services.today())});
  f["session"] =
      radios(data, "session", "Morning or afternoon", {{"am", "Morning"}, {"pm", "Afternoon"}}, r.field("session"));
  f["focus"] = radios(data, "focus", "What it worked on", domain::outreach_focuses(), r.field("focus"));
  f["attended"] = radios(data, "attended", "Did the pupil come?", yes_no(), r.field("attended"));
  f["absence_code"] = select(data, "absence_code", "If not, why (the code the school's register takes)",
                             absence_reasons(), r.field("absence_code"));
  f["outcome"] = radios(data, "outcome", "How did the case end?", domain::outreach_outcomes(), r.field("outcome"));
  f["outcome_note"] = input_field(data, {.id = "outcome_note",
                                         .label = "More about how it ended (optional unless Other)",
                                         .value = r.field("outcome_note")});
  return ctx.page("outreach/case", std::move(data), status);
}

domain::HomeVisitInput visit_from(const Request& r) {
  return {date_field(r, "visited_on"), r.field("who_seen"), r.field("child_seen"), r.field("barriers_found"),
          r.field("safety_observed"),  r.field("worry"),    r.field("next_step")};
}

Response visit_form_page(RequestContext& ctx, std::int64_t case_id, const domain::FieldErrors& errors, int status) {
  const auto v = app::view_outreach_case(ctx.services, ctx.actor(), case_id);
  if (!v.can_work) throw app::Denied();
  const auto& r = ctx.request;
  nlohmann::json data{{"title", "Record a home visit"}, {"case_id", case_id}, {"pupil_name", v.row.pupil_name}};
  add_errors(data, errors);
  auto& f = data["fields"];
  f["visited_on"] = input_field(data, {.id = "visited_on",
                                       .label = "Date of the visit",
                                       .value = date_field(r, "visited_on"),
                                       .type = "date",
                                       .hint = date_example(ctx.services.today())});
  f["who_seen"] = input_field(data, {.id = "who_seen",
                                     .label = "Who did you see?",
                                     .value = r.field("who_seen"),
                                     .hint = "Like: mum and Jay; or nobody answered"});
  f["child_seen"] =
      radios(data, "child_seen", "Did you see " + v.pupil.given_name + "?", yes_no(), r.field("child_seen"));
  f["barriers_found"] = input_field(
      data, {.id = "barriers_found", .label = "Barriers you found (optional)", .value = r.field("barriers_found")});
  f["worry"] = radios(data, "worry", "Did the visit find a safeguarding worry?", yes_no(), r.field("worry"),
                      "Yes alerts the school's DSL and the local authority at once");
  f["safety_observed"] = input_field(data, {.id = "safety_observed",
                                            .label = "What you saw of the child's safety (needed for a worry)",
                                            .value = r.field("safety_observed")});
  f["next_step"] = input_field(data, {.id = "next_step", .label = "Next step", .value = r.field("next_step")});
  return ctx.page("outreach/visit_form", std::move(data), status);
}

Response barriers_page(RequestContext& ctx, std::int64_t case_id, const domain::FieldErrors& errors, int status,
                       bool typed) {
  const auto v = app::view_outreach_case(ctx.services, ctx.actor(), case_id);
  if (!v.can_work) throw app::Denied();
  const auto& r = ctx.request;
  nlohmann::json data{{"title", "Barrier assessment"}, {"case_id", case_id}, {"pupil_name", v.row.pupil_name}};
  add_errors(data, errors);
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& b : domain::outreach_barriers()) {
    const auto code = std::string(b.code);
    std::string notes;
    bool checked = false;
    if (typed) {
      for (const auto& x : r.fields("barriers")) checked = checked || x == code;
      notes = r.field("notes_" + code);
    } else {
      for (const auto& x : v.barriers)
        if (x.barrier == code) checked = true, notes = x.notes;
    }
    rows.push_back({{"code", code},
                    {"label", std::string(b.label)},
                    {"checked", checked},
                    {"notes", input_field(data, {.id = "notes_" + code, .label = "What you found", .value = notes})}});
  }
  data["barriers"] = std::move(rows);
  data["barriers_error"] = data["errors"].contains("barriers") ? data["errors"]["barriers"] : nlohmann::json("");
  return ctx.page("outreach/barriers", std::move(data), status);
}

std::vector<store::BarrierRow> barriers_from(const Request& r) {
  std::vector<store::BarrierRow> out;
  for (const auto& code : r.fields("barriers")) out.push_back({code, r.field("notes_" + code)});
  return out;
}

Response plan_page(RequestContext& ctx, std::int64_t case_id, const domain::FieldErrors& errors, int status,
                   bool typed) {
  const auto v = app::view_outreach_case(ctx.services, ctx.actor(), case_id);
  if (!v.can_work) throw app::Denied();
  const auto& r = ctx.request;
  nlohmann::json data{{"title", "Tailored plan of sessions"}, {"case_id", case_id}, {"pupil_name", v.row.pupil_name}};
  add_errors(data, errors);
  static const std::vector<domain::CodeLabel> weekdays{{"monday", "Monday"},
                                                       {"tuesday", "Tuesday"},
                                                       {"wednesday", "Wednesday"},
                                                       {"thursday", "Thursday"},
                                                       {"friday", "Friday"}};
  nlohmann::json rows = nlohmann::json::array();
  for (int i = 1; i <= kPlanRows; ++i) {
    const auto n = std::to_string(i);
    domain::PlanSessionInput p;
    if (typed)
      p = {r.field("focus_" + n), r.field("subject_" + n), r.field("weekday_" + n), r.field("session_" + n),
           r.field("notes_" + n)};
    else if (static_cast<std::size_t>(i) <= v.plan.size()) {
      p = v.plan[static_cast<std::size_t>(i - 1)];  // kept with the weekday's ISO number, shown by its name
      const auto iso = std::stoul(p.weekday);
      p.weekday = iso >= 1 && iso <= 5 ? std::string(weekdays[iso - 1].code) : "";
    }
    std::vector<domain::CodeLabel> focus{{"", "No session"}};
    for (const auto& x : domain::outreach_focuses()) focus.push_back(x);
    rows.push_back(
        {{"number", i},
         {"focus", select(data, "focus_" + n, "Session " + n + " works on", focus, p.focus)},
         {"subject", input_field(data, {.id = "subject_" + n, .label = "Subject, if a subject", .value = p.subject})},
         {"weekday", select(data, "weekday_" + n, "Day", weekdays, p.weekday)},
         {"session",
          select(data, "session_" + n, "Morning or afternoon", {{"am", "Morning"}, {"pm", "Afternoon"}}, p.session)}});
  }
  data["rows"] = std::move(rows);
  return ctx.page("outreach/plan", std::move(data), status);
}

std::vector<domain::PlanSessionInput> plan_from(const Request& r) {
  std::vector<domain::PlanSessionInput> out;
  for (int i = 1; i <= kPlanRows; ++i) {
    const auto n = std::to_string(i);
    if (r.field("focus_" + n).empty()) continue;  // a row left as "No session"
    out.push_back({r.field("focus_" + n), r.field("subject_" + n), r.field("weekday_" + n), r.field("session_" + n),
                   r.field("notes_" + n)});
  }
  return out;
}

}  // namespace

void add_outreach_routes(Router& r) {
  r.add("GET", "/pupils/{id}/outreach",
        [](Request& req, RequestContext& ctx) { return pupil_outreach_page(ctx, id_param(req, "id"), {}, 200); });
  r.add("POST", "/pupils/{id}/outreach", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    try {
      const auto made = app::open_outreach_case(ctx.services, ctx.actor(), id,
                                                {req.field("worker_email"), req.field("referred_because")});
      return Response::redirect(case_path(made) + "?done=opened");
    } catch (const app::Invalid& e) {
      return pupil_outreach_page(ctx, id, e.errors(), 422);
    }
  });
  r.add("GET", "/outreach/{id}",
        [](Request& req, RequestContext& ctx) { return case_page(ctx, id_param(req, "id"), {}, 200); });
  r.add("GET", "/outreach/{id}/visits/new",
        [](Request& req, RequestContext& ctx) { return visit_form_page(ctx, id_param(req, "id"), {}, 200); });
  r.add("POST", "/outreach/{id}/visits", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    try {
      const auto made = app::record_home_visit(ctx.services, ctx.actor(), id, visit_from(req));
      return Response::redirect(case_path(id) +
                                (made.alert == domain::OutreachAlert::None ? "?done=visit" : "?done=visit_alerted"));
    } catch (const app::Invalid& e) {
      return visit_form_page(ctx, id, e.errors(), 422);
    }
  });
  r.add("GET", "/outreach/{id}/barriers",
        [](Request& req, RequestContext& ctx) { return barriers_page(ctx, id_param(req, "id"), {}, 200, false); });
  r.add("POST", "/outreach/{id}/barriers", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    try {
      app::assess_barriers(ctx.services, ctx.actor(), id, barriers_from(req));
      return Response::redirect(case_path(id) + "?done=barriers");
    } catch (const app::Invalid& e) {
      return barriers_page(ctx, id, e.errors(), 422, true);
    }
  });
  r.add("GET", "/outreach/{id}/plan",
        [](Request& req, RequestContext& ctx) { return plan_page(ctx, id_param(req, "id"), {}, 200, false); });
  r.add("POST", "/outreach/{id}/plan", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    try {
      app::plan_outreach_sessions(ctx.services, ctx.actor(), id, plan_from(req));
      return Response::redirect(case_path(id) + "?done=plan");
    } catch (const app::Invalid& e) {
      return plan_page(ctx, id, e.errors(), 422, true);
    }
  });
  r.add("POST", "/outreach/{id}/sessions", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    try {
      app::record_outreach_session(ctx.services, ctx.actor(), id,
                                   {date_field(req, "held_on"), req.field("session"), req.field("focus"),
                                    req.field("attended"), req.field("absence_code")});
      return Response::redirect(case_path(id) + "?done=session");
    } catch (const app::Invalid& e) {
      return case_page(ctx, id, e.errors(), 422);
    }
  });
  r.add("POST", "/outreach/{id}/close", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    try {
      app::close_outreach_case(ctx.services, ctx.actor(), id, req.field("outcome"), req.field("outcome_note"));
      return Response::redirect(case_path(id) + "?done=closed");
    } catch (const app::Invalid& e) {
      return case_page(ctx, id, e.errors(), 422);
    }
  });
  r.add("GET", "/outreach", [](Request&, RequestContext& ctx) {
    const auto v = app::my_caseload(ctx.services, ctx.actor());
    nlohmann::json cases = nlohmann::json::array();
    for (const auto& e : v.cases) cases.push_back(caseload_entry_json(e));
    nlohmann::json data{{"title", "Your outreach caseload"},
                        {"cases", cases},
                        {"has_cases", !cases.empty()},
                        {"count", v.cases.size()},
                        {"limit", v.limit}};
    return ctx.page("outreach/caseload", std::move(data));
  });
  r.add("GET", "/area/outreach", [](Request&, RequestContext& ctx) {
    auto data = area_outreach_json(app::area_outreach(ctx.services, ctx.actor()));
    data["title"] = "Outreach in your area";
    data["from_text"] = domain::date_text(data["from"].get<std::string>());
    data["has_workers"] = !data["workers"].empty();
    data["has_open"] = !data["open_cases"].empty();
    return ctx.page("outreach/area", std::move(data));
  });

  r.add("GET", "/api/v1/outreach", [](Request&, RequestContext& ctx) {
    const auto v = app::my_caseload(ctx.services, ctx.actor());
    nlohmann::json cases = nlohmann::json::array();
    for (const auto& e : v.cases) cases.push_back(caseload_entry_json(e));
    return Response::json(200, nlohmann::json{{"caseload_limit", v.limit}, {"cases", cases}}.dump());
  });
  r.add("GET", "/api/v1/area/outreach", [](Request&, RequestContext& ctx) {
    return Response::json(200, area_outreach_json(app::area_outreach(ctx.services, ctx.actor())).dump());
  });
  r.add("GET", "/api/v1/pupils/{id}/outreach", [](Request& req, RequestContext& ctx) {
    const auto v = app::outreach_of_pupil(ctx.services, ctx.actor(), id_param(req, "id"));
    nlohmann::json cases = nlohmann::json::array();
    for (const auto& c : v.cases) cases.push_back(outreach_case_json(c));
    return Response::json(200, nlohmann::json{{"cases", cases}}.dump());
  });
  // {worker_email, referred_because: not_attending|missing_education}: 201 {id}.
  r.add("POST", "/api/v1/pupils/{id}/outreach", [](Request& req, RequestContext& ctx) {
    const auto b = json_body(req);
    const auto id = app::open_outreach_case(ctx.services, ctx.actor(), id_param(req, "id"),
                                            {text_of(b, "worker_email"), text_of(b, "referred_because")});
    return Response::json(201, nlohmann::json{{"id", id}}.dump());
  });
  r.add("GET", "/api/v1/outreach/{id}", [](Request& req, RequestContext& ctx) {
    return Response::json(
        200, outreach_case_view_json(app::view_outreach_case(ctx.services, ctx.actor(), id_param(req, "id"))).dump());
  });
  // {visited_on, who_seen, child_seen: yes|no, barriers_found, safety_observed, worry: yes|no, next_step}:
  // 201 {id, alert: "", "outreach_not_seen" or "outreach_worry"}.
  r.add("POST", "/api/v1/outreach/{id}/visits", [](Request& req, RequestContext& ctx) {
    const auto b = json_body(req);
    const auto made = app::record_home_visit(
        ctx.services, ctx.actor(), id_param(req, "id"),
        {text_of(b, "visited_on"), text_of(b, "who_seen"), text_of(b, "child_seen"), text_of(b, "barriers_found"),
         text_of(b, "safety_observed"), text_of(b, "worry"), text_of(b, "next_step")});
    return Response::json(201,
                          nlohmann::json{{"id", made.id}, {"alert", domain::outreach_alert_kind(made.alert)}}.dump());
  });
  // {held_on, session: am|pm, focus, attended: yes|no, absence_code}: 201.
  r.add("POST", "/api/v1/outreach/{id}/sessions", [](Request& req, RequestContext& ctx) {
    const auto b = json_body(req);
    app::record_outreach_session(ctx.services, ctx.actor(), id_param(req, "id"),
                                 {text_of(b, "held_on"), text_of(b, "session"), text_of(b, "focus"),
                                  text_of(b, "attended"), text_of(b, "absence_code")});
    return Response::json(201, "{}");
  });
}

}  // namespace waypoint::web
