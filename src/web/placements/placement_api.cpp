// The JSON API for placements, pupils' timetables and plans: the same use cases as the
// pages, with the same scope and audit.
#include <nlohmann/json.hpp>

#include "app/kernel/errors.hpp"
#include "app/placements/placements.hpp"
#include "app/placements/plans.hpp"
#include "app/placements/timetables.hpp"
#include "app/pupils/pupils.hpp"
#include "domain/kernel/numbers.hpp"
#include "domain/placements/timetable.hpp"
#include "web/kernel/application.hpp"
#include "web/kernel/json_body.hpp"
#include "web/placements/plan_json.hpp"
#include "web/placements/timetable_json.hpp"
#include "web/pupils/placement_json.hpp"

namespace waypoint::web {
namespace {

app::PlacementForm placement_form_from_json(const nlohmann::json& b) {
  app::PlacementForm f;
  f.provider_id = text_of(b, "provider_id");
  auto& t = f.terms;
  t.legal_basis = text_of(b, "legal_basis");
  t.reason = text_of(b, "reason");
  t.tier = text_of(b, "tier");
  t.reason_detail = text_of(b, "reason_detail");
  t.objectives = text_of(b, "objectives");
  t.start_date = text_of(b, "start_date");
  t.planned_end_date = text_of(b, "planned_end_date");
  t.cost = text_of(b, "cost");
  t.cost_unit = text_of(b, "cost_unit");
  t.paid_by = text_of(b, "paid_by");
  t.report_to = text_of(b, "report_to");
  t.breaks = text_of(b, "breaks");
  t.review_interval_weeks = text_of(b, "review_interval_weeks");
  t.first_review_on = text_of(b, "first_review_on");
  for (const auto& v : list_of(b, "site_ids")) {
    const auto id = domain::parse_whole_number(v);
    if (!id) throw app::Invalid("site_ids", "Each site must be given by its id, a whole number like 42");
    t.site_ids.push_back(*id);
  }
  return f;
}

domain::Plan plan_from_json(const nlohmann::json& b) {
  domain::Plan p;
  if (b.contains("objectives") && b["objectives"].is_array())
    for (const auto& o : b["objectives"])
      p.objectives.push_back({text_of(o, "area"), text_of(o, "description"), text_of(o, "baseline_value"),
                              text_of(o, "baseline_date"), text_of(o, "baseline_source"), text_of(o, "target"),
                              text_of(o, "measure"), text_of(o, "unit"), text_of(o, "target_date"),
                              text_of(o, "responsible")});
  p.monitoring = text_of(b, "monitoring");
  p.curriculum_fit = text_of(b, "curriculum_fit");
  p.ehc_outcomes = text_of(b, "ehc_outcomes");
  p.pupil_views = text_of(b, "pupil_views");
  p.parent_views = text_of(b, "parent_views");
  return p;
}

Response placement_response(RequestContext& ctx, std::int64_t id) {
  const auto v = app::view_placement(ctx.services, ctx.actor(), id);
  auto body = placement_json(v.placement);
  nlohmann::json blockers = nlohmann::json::array();
  for (const auto& b : v.blockers)
    blockers.push_back({{"field", b.field}, {"message", b.message}, {"overridable", b.overridable}});
  body["blockers"] = std::move(blockers);
  body["earliest_start"] = v.earliest_start ? nlohmann::json(*v.earliest_start) : nlohmann::json();
  body["rules_applied"] = v.rules_applied;
  return Response::json(200, body.dump());
}

}  // namespace

void add_placement_api_routes(Router& r) {
  r.add("GET", "/api/v1/placements", [](Request& req, RequestContext& ctx) {
    const int number = page_number(req);
    const auto page = app::list_placements(ctx.services, ctx.actor(), {number, 100});
    nlohmann::json items = nlohmann::json::array();
    for (const auto& p : page.items) items.push_back(placement_json(p));
    return Response::json(200, nlohmann::json{{"items", items}, {"page", number}, {"has_next", page.has_next}}.dump());
  });

  r.add("POST", "/api/v1/pupils/{id}/placements", [](Request& req, RequestContext& ctx) {
    return created(app::propose_placement(ctx.services, ctx.actor(), id_param(req, "id"),
                                          placement_form_from_json(json_body(req))));
  });

  r.add("GET", "/api/v1/placements/{id}",
        [](Request& req, RequestContext& ctx) { return placement_response(ctx, id_param(req, "id")); });

  r.add("PUT", "/api/v1/placements/{id}", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    app::change_placement(ctx.services, ctx.actor(), id, placement_form_from_json(json_body(req)));
    return placement_response(ctx, id);
  });

  r.add("POST", "/api/v1/placements/{id}/agree", [](Request& req, RequestContext& ctx) {
    app::agree_placement(ctx.services, ctx.actor(), id_param(req, "id"));
    return placement_response(ctx, id_param(req, "id"));
  });

  r.add("POST", "/api/v1/placements/{id}/notice", [](Request& req, RequestContext& ctx) {
    const auto b = json_body(req);
    app::record_notice(ctx.services, ctx.actor(), id_param(req, "id"), text_of(b, "notice_sent_on"),
                       text_of(b, "la_informed_on"));
    return placement_response(ctx, id_param(req, "id"));
  });

  // A parent has read the notice the school sent; no body.
  r.add("POST", "/api/v1/placements/{id}/notice/acknowledge", [](Request& req, RequestContext& ctx) {
    app::acknowledge_notice(ctx.services, ctx.actor(), id_param(req, "id"));
    return Response::json(204, "");
  });

  r.add("POST", "/api/v1/placements/{id}/consent", [](Request& req, RequestContext& ctx) {
    const auto b = json_body(req);
    app::record_consent(ctx.services, ctx.actor(), id_param(req, "id"), text_of(b, "parent_consent_on"),
                        text_of(b, "parent_consent_from"), text_of(b, "parent_consent_how"),
                        text_of(b, "authority_consent_on"));
    return placement_response(ctx, id_param(req, "id"));
  });

  r.add("POST", "/api/v1/placements/{id}/start", [](Request& req, RequestContext& ctx) {
    const auto b = req.body.empty() ? nlohmann::json::object() : json_body(req);
    app::start_placement(ctx.services, ctx.actor(), id_param(req, "id"), text_of(b, "override_reason"));
    return placement_response(ctx, id_param(req, "id"));
  });

  r.add("POST", "/api/v1/placements/{id}/end", [](Request& req, RequestContext& ctx) {
    const auto b = json_body(req);
    app::end_placement(ctx.services, ctx.actor(), id_param(req, "id"),
                       {text_of(b, "ended_on"), text_of(b, "end_reason"), text_of(b, "destination"),
                        text_of(b, "pupil_assessment"), text_of(b, "parent_view")});
    return placement_response(ctx, id_param(req, "id"));
  });

  r.add("GET", "/api/v1/placements/{id}/notice", [](Request& req, RequestContext& ctx) {
    const auto v = app::direction_notice(ctx.services, ctx.actor(), id_param(req, "id"));
    const auto& n = v.notice;
    nlohmann::json addresses = nlohmann::json::array();
    for (const auto& a : n.provider_addresses) addresses.push_back({{"name", a.name}, {"address", a.address}});
    nlohmann::json sessions = nlohmann::json::array();
    for (const auto& s : n.sessions) sessions.push_back({{"day", s.day}, {"times", s.times}});
    return Response::json(200, nlohmann::json{{"placement_id", n.placement_id},
                                              {"date_of_notice", n.date_of_notice},
                                              {"addressed_to", n.addressed_to},
                                              {"pupil_name", n.pupil_name},
                                              {"school_name", n.school_name},
                                              {"provider_name", n.provider_name},
                                              {"provider_addresses", std::move(addresses)},
                                              {"report_to", n.report_to},
                                              {"first_day", n.first_day},
                                              {"planned_last_day", n.planned_last_day},
                                              {"days_per_week", n.days_per_week},
                                              {"school_days_in_all", n.school_days_in_all},
                                              {"reasons", n.reasons},
                                              {"objectives", n.objectives},
                                              {"sessions", std::move(sessions)},
                                              {"breaks", n.breaks},
                                              {"copy_to_local_authority", n.copy_to_local_authority},
                                              {"missing", v.missing}}
                                   .dump());
  });

  r.add("GET", "/api/v1/pupils/{id}/timetable", [](Request& req, RequestContext& ctx) {
    return Response::json(200,
                          timetable_json(app::view_timetable(ctx.services, ctx.actor(), id_param(req, "id"))).dump());
  });

  // 200 with the saved week, or 409 with the registration warnings and nothing saved until the
  // body says "confirm_threshold": true.
  r.add("PUT", "/api/v1/pupils/{id}/timetable", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    const auto b = json_body(req);
    app::TimetableForm f;
    if (b.contains("slots") && b["slots"].is_array())
      for (const auto& s : b["slots"])
        f.slots.push_back({text_of(s, "day"), text_of(s, "start"), text_of(s, "end"), text_of(s, "where")});
    const auto pt = b.contains("part_time") ? b["part_time"] : nlohmann::json::object();
    f.part_time = {text_of(pt, "reason"), text_of(pt, "parent_agreed_on"), text_of(pt, "ends_on"),
                   text_of(pt, "review_dates"), text_of(pt, "starts_on")};
    f.confirm_threshold = flag_of(b, "confirm_threshold");
    const auto warnings = app::save_timetable(ctx.services, ctx.actor(), id, f);
    if (!warnings.empty()) {
      nlohmann::json list = nlohmann::json::array();
      for (const auto& w : warnings)
        list.push_back({{"provider_id", w.provider_id}, {"provider_name", w.provider_name}, {"reason", w.reason}});
      return Response::json(409, nlohmann::json{{"registration_warnings", std::move(list)}}.dump());
    }
    return Response::json(200, timetable_json(app::view_timetable(ctx.services, ctx.actor(), id)).dump());
  });

  r.add("GET", "/api/v1/registration-threshold", [](Request&, RequestContext& ctx) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& w : app::registration_watch(ctx.services, ctx.actor())) {
      nlohmann::json pupils = nlohmann::json::array();
      for (const auto& p : w.pupils)
        pupils.push_back({{"name", p.name}, {"minutes", p.minutes}, {"looked_after_or_ehc", p.looked_after_or_ehc}});
      items.push_back({{"provider_id", w.provider_id},
                       {"provider_name", w.provider_name},
                       {"provider_kind", w.provider_kind},
                       {"full_time_pupils", w.full_time_pupils},
                       {"must_register", w.must_register},
                       {"reason", w.reason},
                       {"pupils", std::move(pupils)}});
    }
    return Response::json(200, nlohmann::json{{"items", std::move(items)}}.dump());
  });

  r.add("GET", "/api/v1/placements/{id}/plan", [](Request& req, RequestContext& ctx) {
    const auto version = domain::parse_whole_number(req.query_value("version")).value_or(0);
    return Response::json(200, plan_json(app::view_plan(ctx.services, ctx.actor(), id_param(req, "id"),
                                                        static_cast<int>(std::min<std::int64_t>(version, 100000))))
                                   .dump());
  });

  r.add("PUT", "/api/v1/placements/{id}/plan", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    app::save_plan_draft(ctx.services, ctx.actor(), id, plan_from_json(json_body(req)));
    return Response::json(200, plan_json(app::view_plan(ctx.services, ctx.actor(), id)).dump());
  });

  r.add("POST", "/api/v1/placements/{id}/plan/agree", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    app::agree_plan(ctx.services, ctx.actor(), id);
    return Response::json(200, plan_json(app::view_plan(ctx.services, ctx.actor(), id)).dump());
  });

  r.add("POST", "/api/v1/placements/{id}/plan/versions", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    app::start_new_plan_version(ctx.services, ctx.actor(), id);
    return Response::json(201, plan_json(app::view_plan(ctx.services, ctx.actor(), id)).dump());
  });
}

}  // namespace waypoint::web
