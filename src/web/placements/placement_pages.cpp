#include <nlohmann/json.hpp>

#include "app/kernel/access.hpp"
#include "app/kernel/errors.hpp"
#include "app/placements/placements.hpp"
#include "app/providers/provider_directory.hpp"
#include "app/pupils/pupils.hpp"
#include "app/reviews/reviews.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/numbers.hpp"
#include "domain/placements/consent.hpp"
#include "web/kernel/application.hpp"
#include "web/placements/placement_notice.hpp"
#include "web/providers/provider_json.hpp"
#include "web/pupils/placement_json.hpp"
#include "web/pupils/pupil_json.hpp"

namespace waypoint::web {
namespace {

// The legal bases on offer: an LA's own, or a school's; a school's own unit has its own alone.
std::vector<domain::CodeLabel> bases_for(bool la_arrangement, bool school_unit) {
  std::vector<domain::CodeLabel> out;
  for (const auto& b : domain::legal_bases())
    if (domain::commissioned_by_local_authority(b.code) == la_arrangement &&
        domain::in_own_school(b.code) == school_unit)
      out.push_back(b);
  return out;
}

app::PlacementForm placement_form(const Request& r) {
  app::PlacementForm f;
  f.provider_id = r.field("provider_id");
  auto& t = f.terms;
  t.legal_basis = r.field("legal_basis");
  t.reason = r.field("reason");
  t.tier = r.field("tier");
  t.reason_detail = r.field("reason_detail");
  t.objectives = r.field("objectives");
  t.start_date = date_field(r, "start_date");
  t.planned_end_date = date_field(r, "planned_end_date");
  t.cost = r.field("cost");
  t.cost_unit = r.field("cost_unit");
  t.paid_by = r.field("paid_by");
  t.report_to = r.field("report_to");
  t.breaks = r.field("breaks");
  t.review_interval_weeks = r.field("review_interval_weeks");
  t.first_review_on = date_field(r, "first_review_on");
  for (const auto& v : r.fields("site_ids"))
    if (auto id = domain::parse_whole_number(v)) t.site_ids.push_back(*id);
  return f;
}

// The placement form, for proposing (`placement_id` 0) or changing a placement's terms.
Response placement_form_page(RequestContext& ctx, const domain::Pupil& pupil, const app::ProviderView& provider,
                             const app::PlacementForm& f, bool la_arrangement, const domain::FieldErrors& errors,
                             int status, std::int64_t placement_id = 0) {
  const auto& t = f.terms;
  nlohmann::json data{
      {"title", placement_id ? "Change the placement" : "Place " + pupil.given_name + " " + pupil.family_name},
      {"pupil", pupil_json(pupil, ctx.services.today())},
      {"provider_name", provider.profile.name},
      {"provider_id", provider.profile.id},
      {"standing", standing_json(provider.standing)},
      {"form_action", placement_id ? "/placements/" + std::to_string(placement_id) + "/edit"
                                   : "/pupils/" + std::to_string(pupil.id) + "/placements/new"},
      {"back", placement_id ? "/placements/" + std::to_string(placement_id) : "/pupils/" + std::to_string(pupil.id)},
      {"submit_text", placement_id ? "Save changes" : "Save as a draft"},
      {"objectives", t.objectives}};
  add_errors(data, errors);
  auto& fields = data["fields"];
  auto select = [&](const char* id, const char* label, const std::vector<domain::CodeLabel>& list,
                    const std::string& value, const char* hint = "") {
    auto field = input_field(data, {.id = id, .label = label, .hint = hint});
    field["options"] = options(list, value);
    fields[id] = field;
  };
  auto text = [&](const char* id, const char* label, const std::string& value, const char* hint = "",
                  const char* width = "") {
    fields[id] = input_field(data, {.id = id, .label = label, .value = value, .hint = hint, .width = width});
  };
  auto date = [&](const char* id, const char* label, const std::string& value, const char* hint) {
    fields[id] = input_field(data, {.id = id, .label = label, .value = value, .type = "date", .hint = hint});
  };
  const bool unit = provider.profile.unit_of_school.has_value();
  select("legal_basis", "Legal basis", bases_for(la_arrangement, unit), unit ? "own_unit" : t.legal_basis);
  select("reason", "Main reason for the placement", domain::placement_reasons(), t.reason);
  text("reason_detail", "More about the reason (optional unless Other)", t.reason_detail);
  select("tier", "Tier of support (optional)", domain::placement_tiers(), t.tier,
         "Not chosen: Tier 3 after a permanent exclusion, otherwise Tier 2");
  date("start_date", "First day", t.start_date, "For example, 7 12 2026");
  date("planned_end_date", "Planned last day", t.planned_end_date, "For example, 26 3 2027");
  text("report_to", "Person the pupil reports to on arrival", t.report_to,
       "The notice to parents names them. Needed for an off-site direction");
  text("breaks", "Breaks (optional)", t.breaks, "Like Break 10:40 to 11:00, lunch 12:30 to 13:10");
  text("review_interval_weeks", "Weeks between reviews",
       t.review_interval_weeks.empty() ? "6" : t.review_interval_weeks,
       "How often the placement is reviewed with the parents, the pupil and the provider", "govuk-input--width-3");
  date("first_review_on", "First review (optional)", t.first_review_on,
       "For example, 19 1 2027. Left blank, it is one interval after the first day");
  text("cost", "Cost in pounds (optional)", t.cost, "Like 95 or 95.50", "govuk-input--width-5");
  select("cost_unit", "Cost is per", {{"day", "Day"}, {"session", "Session"}, {"week", "Week"}}, t.cost_unit);
  select("paid_by", "Who pays", domain::payers(), t.paid_by);
  std::vector<std::string> checked;
  for (auto id : t.site_ids) checked.push_back(std::to_string(id));
  // CodeLabel views its text: the ids' strings must outlive the list (reserved, so never moved).
  std::vector<std::string> site_codes;
  site_codes.reserve(provider.sites.size());
  std::vector<domain::CodeLabel> site_list;
  for (const auto& site : provider.sites) {
    site_codes.push_back(std::to_string(site.id));
    site_list.push_back({site_codes.back(), site.name});
  }
  data["site_boxes"] = checkboxes("site_ids", site_list, checked);
  data["has_sites"] = !provider.sites.empty();
  return ctx.page("placements/form", std::move(data), status);
}

// Step one: find the provider, by name, in the directory.
Response choose_provider_page(RequestContext& ctx, const domain::Pupil& pupil, const std::string& basis) {
  const auto name = ctx.request.query_value("name");
  app::DirectoryQuery q;
  q.name = name;
  q.only_own_units = domain::in_own_school(basis);
  const auto page = app::search_directory(ctx.services, ctx.actor(), q, {1, 20});
  nlohmann::json rows = nlohmann::json::array();
  const auto base = "/pupils/" + std::to_string(pupil.id) + "/placements/new?basis=" + url_encode(basis);
  for (const auto& e : page.items) {
    auto row = directory_entry_json(e);
    row["choose_href"] = base + "&provider_id=" + std::to_string(e.id);
    rows.push_back(row);
  }
  nlohmann::json data{{"title", "Choose a provider for " + pupil.given_name + " " + pupil.family_name},
                      {"pupil", pupil_json(pupil, ctx.services.today())},
                      {"basis", basis},
                      {"own_unit", q.only_own_units},
                      {"name", name},
                      {"providers", rows},
                      {"empty", rows.empty()},
                      {"more", page.has_next}};
  return ctx.page("placements/choose_provider", std::move(data));
}

Response placement_page(RequestContext& ctx, std::int64_t id, const domain::FieldErrors& errors = {},
                        int status = 200) {
  const auto v = app::view_placement(ctx.services, ctx.actor(), id);
  const auto& p = v.placement;
  auto data = placement_json(p);
  data["title"] = "Placement at " + p.provider_name;
  // Dates as people read them; the ISO date stays in each <time> element's datetime.
  for (const auto* key : {"start_date", "planned_end_date", "activated_on", "ended_on", "notice_sent_on",
                          "la_informed_on", "parent_consent_on", "authority_consent_on"})
    if (data.contains(key) && data[key].is_string())
      data[std::string(key) + "_text"] = domain::date_text(data[key].get<std::string>());
  data["pupil"] = pupil_json(v.pupil, ctx.services.today());
  data["notice"] = ctx.request.query_value("done");
  data["notice_text"] = data["notice"] == "review_asked" ? "Your request for a review has gone to the school" : "Saved";
  if (v.provider) {
    data["provider_address"] = "";
    data["provider_contact"] = v.provider->contact_name + ", " + v.provider->contact_phone;
  }
  nlohmann::json sites = nlohmann::json::array();
  for (const auto& s : v.sites) sites.push_back({{"name", s.name}, {"address", s.address + ", " + s.postcode}});
  data["sites"] = std::move(sites);
  data["standing"] = standing_json(v.standing);
  if (v.acceptance)
    data["acceptance"] = {{"accepted_on", v.acceptance->accepted_on},
                          {"accepted_on_text", domain::date_text(v.acceptance->accepted_on)},
                          {"accepted_by", v.acceptance->accepted_by}};
  nlohmann::json blockers = nlohmann::json::array();
  bool overridable = false;
  for (const auto& b : v.blockers) {
    blockers.push_back(b.message);
    overridable = overridable || b.overridable;
  }
  data["blockers"] = blockers;
  data["has_blockers"] = !blockers.empty();
  data["overridable"] = overridable;
  data["earliest_start"] = v.earliest_start.value_or("");
  data["earliest_start_text"] = domain::date_text(v.earliest_start.value_or(""));
  data["rules_applied"] = v.rules_applied;
  data["needs_authority_consent"] = v.needs_authority_consent;
  const bool draft = p.status == "draft", awaiting = p.status == "awaiting";
  const bool osd = domain::is_off_site_direction(p.terms.legal_basis);
  data["can_change"] = v.can_manage && (draft || awaiting);
  data["can_agree"] = v.can_manage && draft;
  data["can_record_notice"] = v.can_manage && awaiting && osd;
  // Support in the school's own unit keeps the pupil at school: no notice and no consent to a provider.
  data["can_record_consent"] = v.can_manage && awaiting && !osd && !domain::in_own_school(p.terms.legal_basis);
  data["can_start"] = v.can_manage && awaiting;
  data["can_end"] = v.can_manage && p.status != "ended";
  data["is_off_site_direction"] = osd;
  data["can_log"] = v.can_log;
  data["can_ask_for_review"] = v.can_ask_for_review;
  data["can_answer_consent"] = v.can_answer_consent;
  data["can_read_visits"] = v.can_read_visits;
  data["has_notice"] = osd && !draft;
  add_errors(data, errors);
  const auto& r = ctx.request;
  auto& fields = data["fields"];
  // A date already recorded shows in its field, to be corrected if need be.
  auto date = [&](const char* field, const char* label, const char* hint = "For example, 23 11 2026") {
    const auto typed = date_field(r, field);
    const auto recorded = data.contains(field) && data[field].is_string() ? data[field].get<std::string>() : "";
    fields[field] = input_field(
        data, {.id = field, .label = label, .value = typed.empty() ? recorded : typed, .type = "date", .hint = hint});
  };
  date("notice_sent_on", "Date the notice was sent to the parents");
  date("la_informed_on", "Date the local authority was told (for a pupil with an EHC plan)");
  date("parent_consent_on", "Date the parents consented");
  fields["parent_consent_from"] = input_field(
      data,
      {.id = "parent_consent_from", .label = "Parent or carer who consented", .value = r.field("parent_consent_from")});
  auto how = input_field(data, {.id = "parent_consent_how", .label = "How they gave it"});
  std::vector<domain::CodeLabel> ways;  // "In Waypoint" is the parent's own answer, not the school's to record
  for (const auto& w : domain::consent_ways())
    if (w.code != "waypoint") ways.push_back(w);
  how["options"] = options(ways, r.field("parent_consent_how"));
  fields["parent_consent_how"] = how;
  date("authority_consent_on", "Date the placing authority consented (if the provider is outside its area)");
  date("ended_on", "Date the placement ended");
  auto end_reason = input_field(data, {.id = "end_reason", .label = "Why it ended"});
  end_reason["options"] = options(domain::placement_end_reasons(), r.field("end_reason"));
  fields["end_reason"] = end_reason;
  auto destination = input_field(data, {.id = "destination", .label = "Where the pupil went next"});
  destination["options"] = options(domain::destinations(), r.field("destination"));
  fields["destination"] = destination;
  fields["pupil_assessment"] = input_field(
      data, {.id = "pupil_assessment", .label = "How the pupil thinks it went", .value = r.field("pupil_assessment")});
  fields["parent_view"] = input_field(
      data, {.id = "parent_view", .label = "What the parents think of how it went", .value = r.field("parent_view")});
  data["end_open"] = std::any_of(errors.begin(), errors.end(), [](const auto& e) {
    return e.field == "ended_on" || e.field == "end_reason" || e.field == "destination" ||
           e.field == "pupil_assessment" || e.field == "parent_view";
  });
  data["override_reason_typed"] = r.field("override_reason");
  return ctx.page("placements/show", std::move(data), status);
}

// Runs a step of the placement's life; on a refusal the page shows again with the message by the field.
template <typename Step>
Response placement_step(Request& req, RequestContext& ctx, const char* done, Step step) {
  const auto id = id_param(req, "id");
  try {
    step(id);
  } catch (const app::Invalid& e) {
    return placement_page(ctx, id, e.errors(), 422);
  }
  return Response::redirect("/placements/" + std::to_string(id) + "?done=" + done);
}

}  // namespace

void add_placement_routes(Router& r) {
  r.add("GET", "/placements", [](Request& req, RequestContext& ctx) {
    const int number = page_number(req);
    const auto page = app::list_placements(ctx.services, ctx.actor(), {number, 25});
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& p : page.items) rows.push_back(placement_json(p));
    const auto today = ctx.services.today();
    const auto month_ago = std::chrono::year_month_day{std::chrono::sys_days(today) - std::chrono::days(30)};
    nlohmann::json data{{"title", "Placements"},
                        {"can_export", app::allowed(ctx.actor(), domain::Action::ExportAttendance)},
                        {"placements", rows},
                        {"empty", rows.empty()},
                        {"pager", pagination("/placements", number, page.has_next)}};
    data["export_from"] =
        input_field(data, {.id = "from", .label = "From", .value = domain::format_date(month_ago), .type = "date"});
    data["export_to"] =
        input_field(data, {.id = "to", .label = "To", .value = domain::format_date(today), .type = "date"});
    return ctx.page("placements/list", std::move(data));
  });

  r.add("GET", "/pupils/{id}/placements/new", [](Request& req, RequestContext& ctx) {
    const auto record = app::view_pupil_record(ctx.services, ctx.actor(), id_param(req, "id"));
    const auto basis = req.query_value("basis");
    const bool la = basis == "la_s19";
    if (!(la ? record.can_arrange : record.can_place)) throw app::Denied();
    const auto provider_id = domain::parse_whole_number(req.query_value("provider_id"));
    if (!provider_id) return choose_provider_page(ctx, record.pupil, la || domain::in_own_school(basis) ? basis : "");
    const auto provider = app::view_provider(ctx.services, ctx.actor(), *provider_id);
    app::PlacementForm f;
    f.provider_id = std::to_string(*provider_id);
    if (la) f.terms.legal_basis = "la_s19";
    return placement_form_page(ctx, record.pupil, provider, f, la, {}, 200);
  });

  r.add("POST", "/pupils/{id}/placements/new", [](Request& req, RequestContext& ctx) {
    const auto pupil_id = id_param(req, "id");
    const auto f = placement_form(req);
    try {
      const auto id = app::propose_placement(ctx.services, ctx.actor(), pupil_id, f);
      return Response::redirect("/placements/" + std::to_string(id) + "?done=created");
    } catch (const app::Invalid& e) {
      const auto record = app::view_pupil_record(ctx.services, ctx.actor(), pupil_id);
      const auto provider_id = domain::parse_whole_number(f.provider_id);
      if (!provider_id) throw app::NotFound();
      const auto provider = app::view_provider(ctx.services, ctx.actor(), *provider_id);
      return placement_form_page(ctx, record.pupil, provider, f,
                                 domain::commissioned_by_local_authority(f.terms.legal_basis), e.errors(), 422);
    }
  });

  r.add("GET", "/placements/{id}",
        [](Request& req, RequestContext& ctx) { return placement_page(ctx, id_param(req, "id")); });

  r.add("GET", "/placements/{id}/edit", [](Request& req, RequestContext& ctx) {
    const auto v = app::view_placement(ctx.services, ctx.actor(), id_param(req, "id"));
    if (!v.can_manage) throw app::Denied();
    const auto provider = app::view_provider(ctx.services, ctx.actor(), v.placement.provider_id);
    app::PlacementForm f{std::to_string(v.placement.provider_id), v.placement.terms};
    return placement_form_page(ctx, v.pupil, provider, f, domain::commissioned_by_local_authority(f.terms.legal_basis),
                               {}, 200, v.placement.id);
  });

  r.add("POST", "/placements/{id}/edit", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    auto f = placement_form(req);
    try {
      app::change_placement(ctx.services, ctx.actor(), id, f);
    } catch (const app::Invalid& e) {
      const auto v = app::view_placement(ctx.services, ctx.actor(), id);
      const auto provider = app::view_provider(ctx.services, ctx.actor(), v.placement.provider_id);
      return placement_form_page(ctx, v.pupil, provider, f,
                                 domain::commissioned_by_local_authority(v.placement.terms.legal_basis), e.errors(),
                                 422, id);
    }
    return Response::redirect("/placements/" + std::to_string(id) + "?done=changed");
  });

  r.add("POST", "/placements/{id}/agree", [](Request& req, RequestContext& ctx) {
    return placement_step(req, ctx, "agreed", [&](auto id) { app::agree_placement(ctx.services, ctx.actor(), id); });
  });

  r.add("POST", "/placements/{id}/reviews/ask", [](Request& req, RequestContext& ctx) {
    return placement_step(req, ctx, "review_asked",
                          [&](auto id) { app::ask_for_review(ctx.services, ctx.actor(), id); });
  });
  r.add("POST", "/placements/{id}/notice", [](Request& req, RequestContext& ctx) {
    return placement_step(req, ctx, "notice", [&](auto id) {
      app::record_notice(ctx.services, ctx.actor(), id, date_field(req, "notice_sent_on"),
                         date_field(req, "la_informed_on"));
    });
  });
  r.add("POST", "/placements/{id}/consent", [](Request& req, RequestContext& ctx) {
    return placement_step(req, ctx, "consent", [&](auto id) {
      app::record_consent(ctx.services, ctx.actor(), id, date_field(req, "parent_consent_on"),
                          req.field("parent_consent_from"), req.field("parent_consent_how"),
                          date_field(req, "authority_consent_on"));
    });
  });
  r.add("POST", "/placements/{id}/start", [](Request& req, RequestContext& ctx) {
    return placement_step(req, ctx, "started", [&](auto id) {
      app::start_placement(ctx.services, ctx.actor(), id, req.field("override_reason"));
    });
  });
  r.add("POST", "/placements/{id}/end", [](Request& req, RequestContext& ctx) {
    return placement_step(req, ctx, "ended", [&](auto id) {
      app::end_placement(ctx.services, ctx.actor(), id,
                         {date_field(req, "ended_on"), req.field("end_reason"), req.field("destination"),
                          req.field("pupil_assessment"), req.field("parent_view")});
    });
  });

  r.add("GET", "/placements/{id}/notice", [](Request& req, RequestContext& ctx) {
    const auto notice = app::direction_notice(ctx.services, ctx.actor(), id_param(req, "id"));
    auto data = notice_json(notice);
    data["acknowledged"] = req.query_value("done") == "acknowledged";
    return ctx.page("placements/notice", std::move(data));
  });

  r.add("POST", "/placements/{id}/notice/acknowledge", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    app::acknowledge_notice(ctx.services, ctx.actor(), id);
    return Response::redirect("/placements/" + std::to_string(id) + "/notice?done=acknowledged");
  });

  r.add("GET", "/placements/{id}/notice.pdf", [](Request& req, RequestContext& ctx) {
    const auto notice = app::direction_notice(ctx.services, ctx.actor(), id_param(req, "id"));
    Response res;
    res.status = 200;
    res.content_type = "application/pdf";
    res.headers.emplace_back("Content-Disposition", "attachment; filename=\"off-site-direction-notice-" +
                                                        std::to_string(notice.notice.placement_id) + ".pdf\"");
    res.body = notice_pdf(notice);
    return res;
  });
}

}  // namespace waypoint::web
