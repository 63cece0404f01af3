#include <nlohmann/json.hpp>

#include "app/kernel/access.hpp"
#include "app/kernel/errors.hpp"
#include "app/providers/provider_directory.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "web/kernel/application.hpp"
#include "web/providers/directory_export.hpp"
#include "web/providers/provider_json.hpp"

namespace waypoint::web {
namespace {

std::vector<domain::CodeLabel> kind_list() {
  std::vector<domain::CodeLabel> out;
  for (const auto& k : domain::directory_kinds()) out.push_back({k.code, k.label});
  return out;
}

std::vector<domain::CodeLabel> standing_list() {
  std::vector<domain::CodeLabel> out;
  for (auto s : domain::all_standings()) out.push_back({domain::standing_code(s), domain::standing_label(s)});
  return out;
}

Response directory_page(Request& req, RequestContext& ctx) {
  const auto& a = ctx.actor();
  // A provider's own staff see their own entry, not the directory.
  if (!app::allowed(a, domain::Action::BrowseDirectory) &&
      app::allowed(a, domain::Action::ViewProvider, domain::scope_of_provider(a.organisation_id)))
    return Response::redirect("/providers/" + std::to_string(a.organisation_id));
  const auto q = directory_query(req);
  const int number = page_number(req);
  auto page = app::search_directory(ctx.services, a, q, {number, 25});
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& e : page.items) rows.push_back(directory_entry_json(e));
  const std::string base = "/providers?kind=" + url_encode(q.kind) + "&standing=" + url_encode(q.standing) +
                           "&key_stage=" + url_encode(q.key_stage) + "&specialism=" + url_encode(q.specialism) +
                           "&offers=" + url_encode(q.offers) + "&delivery=" + url_encode(q.delivery) +
                           "&name=" + url_encode(q.name) + (q.has_capacity ? "&has_capacity=yes" : "");
  nlohmann::json data{{"title", "Provider directory"},
                      {"providers", rows},
                      {"empty", rows.empty()},
                      {"can_add", app::allowed(a, domain::Action::AddProvider)},
                      {"name", q.name},
                      {"offers", q.offers},
                      {"has_capacity", q.has_capacity},
                      {"kind_options", options(kind_list(), q.kind)},
                      {"standing_options", options(standing_list(), q.standing)},
                      {"key_stage_options", options(domain::key_stages(), q.key_stage)},
                      {"specialism_options", options(domain::specialisms(), q.specialism)},
                      {"delivery_options", options({{"in_person", "In person"}, {"online", "Online"}}, q.delivery)},
                      {"pager", pagination(base, number, page.has_next)},
                      {"export_query", base.substr(std::string("/providers?").size())}};
  return ctx.page("providers/directory", std::move(data));
}

// The provider form, for adding (`provider_id` 0) or editing an entry.
Response provider_form_page(RequestContext& ctx, const app::ProviderForm& f, const domain::FieldErrors& errors,
                            int status, std::int64_t provider_id = 0, bool registration_editable = true) {
  const auto id = std::to_string(provider_id);
  nlohmann::json data{{"title", provider_id ? "Change " + f.name : std::string("Add a provider")},
                      {"form_action", provider_id ? "/providers/" + id + "/edit" : std::string("/providers/new")},
                      {"submit_text", provider_id ? "Save changes" : "Add provider"},
                      {"registration_editable", registration_editable}};
  add_errors(data, errors);
  auto& fields = data["fields"];
  auto text = [&](const char* id, const char* label, const std::string& value, const char* hint = "",
                  const char* width = "") {
    fields[id] = input_field(data, {.id = id, .label = label, .value = value, .hint = hint, .width = width});
  };
  text("name", "Name", f.name);
  auto kind = input_field(data, {.id = "kind", .label = "Kind of provider"});
  kind["options"] = options(kind_list(), f.kind);
  fields["kind"] = kind;
  text("urn", "URN", f.urn, "6 digits. Needed for schools and pupil referral units", "govuk-input--width-10");
  text("ukprn", "UKPRN", f.ukprn, "8 digits starting with 1. Needed for colleges", "govuk-input--width-10");
  auto ofsted = input_field(data, {.id = "ofsted_judgement", .label = "Latest Ofsted judgement (if inspected)"});
  ofsted["options"] = options(domain::ofsted_judgements(), f.ofsted_judgement);
  fields["ofsted_judgement"] = ofsted;
  fields["ofsted_date"] = input_field(data, {.id = "ofsted_date",
                                             .label = "Date of inspection",
                                             .value = f.ofsted_date,
                                             .type = "date",
                                             .hint = "For example, 14 3 2025"});
  text("contact_name", "Person to contact", f.contact_name);
  fields["contact_email"] = input_field(
      data, {.id = "contact_email", .label = "Their email address", .value = f.contact_email, .type = "email"});
  fields["contact_phone"] = input_field(data, {.id = "contact_phone",
                                               .label = "Their phone number",
                                               .value = f.contact_phone,
                                               .type = "tel",
                                               .width = "govuk-input--width-20"});
  text("age_from", "Youngest age taught", f.age_from, "", "govuk-input--width-3");
  text("age_to", "Oldest age taught", f.age_to, "", "govuk-input--width-3");
  auto delivery = input_field(data, {.id = "delivery", .label = "How the provider teaches"});
  delivery["options"] =
      options({{"in_person", "In person"}, {"online", "Online"}, {"both", "In person and online"}}, f.delivery);
  fields["delivery"] = delivery;
  text("capacity", "Places", f.capacity, "How many pupils it can take at once", "govuk-input--width-4");
  text("cost", "Cost in pounds", f.cost, "Like 95 or 95.50", "govuk-input--width-5");
  auto unit = input_field(data, {.id = "cost_unit", .label = "Cost is per"});
  unit["options"] = options({{"day", "Day"}, {"session", "Session"}}, f.cost_unit);
  fields["cost_unit"] = unit;
  text("subjects", "Subjects", f.subjects, "Separate them with commas, like English, maths, art");
  text("qualifications", "Qualifications offered", f.qualifications, "Like GCSE, Functional Skills");
  text("courses", "Vocational courses", f.courses, "Like construction, hair and beauty");
  data["key_stage_boxes"] = checkboxes("key_stages", domain::key_stages(), f.key_stages);
  data["specialism_boxes"] = checkboxes("specialisms", domain::specialisms(), f.specialisms);
  data["description"] = f.description;
  return ctx.page("providers/new", std::move(data), status);
}

app::ProviderForm provider_form(const Request& r) {
  app::ProviderForm f{r.field("name"),
                      r.field("kind"),
                      r.field("urn"),
                      r.field("ukprn"),
                      r.field("ofsted_judgement"),
                      date_field(r, "ofsted_date"),
                      r.field("contact_name"),
                      r.field("contact_email"),
                      r.field("contact_phone"),
                      r.field("age_from"),
                      r.field("age_to"),
                      r.field("delivery"),
                      r.field("capacity"),
                      r.field("cost"),
                      r.field("cost_unit"),
                      r.field("description"),
                      r.field("subjects"),
                      r.field("qualifications"),
                      r.field("courses"),
                      r.fields("key_stages"),
                      r.fields("specialisms")};
  return f;
}

Response profile_page(RequestContext& ctx, std::int64_t id, const domain::FieldErrors& errors, int status,
                      const std::string& form = "") {
  const auto v = app::view_provider(ctx.services, ctx.actor(), id);
  auto data = provider_view_json(v);
  data["title"] = v.profile.name;
  data["notice"] = ctx.request.query_value("done");
  add_errors(data, errors);
  data["error_in_" + (form.empty() ? std::string("none") : form)] = true;
  auto& fields = data["fields"];
  const auto& r = ctx.request;
  fields["site_name"] = input_field(data, {.id = "site_name", .label = "Site name", .value = r.field("site_name")});
  fields["address"] = input_field(data, {.id = "address", .label = "Address", .value = r.field("address")});
  fields["postcode"] = input_field(
      data, {.id = "postcode", .label = "Postcode", .value = r.field("postcode"), .width = "govuk-input--width-10"});
  auto relationship = input_field(data, {.id = "relationship", .label = "Kind of site"});
  relationship["options"] = options(domain::site_relationships(), r.field("relationship"));
  fields["relationship"] = relationship;
  std::vector<domain::CodeLabel> types;
  for (const auto& t : domain::check_types()) types.push_back({t.code, t.label});
  auto check_type = input_field(data, {.id = "check_type", .label = "Check"});
  check_type["options"] = options(types, r.field("check_type"));
  fields["check_type"] = check_type;
  auto site = input_field(data, {.id = "site_id", .label = "Site (for a site risk assessment)"});
  nlohmann::json site_options = nlohmann::json::array();
  for (const auto& s : v.sites)
    site_options.push_back(
        {{"value", std::to_string(s.id)}, {"text", s.name}, {"selected", std::to_string(s.id) == r.field("site_id")}});
  site["options"] = std::move(site_options);
  fields["site_id"] = site;
  auto outcome = input_field(data, {.id = "outcome", .label = "Outcome"});
  outcome["options"] = options({{"met", domain::check_outcome_label(domain::CheckOutcome::Met)},
                                {"met_with_actions", domain::check_outcome_label(domain::CheckOutcome::MetWithActions)},
                                {"not_met", domain::check_outcome_label(domain::CheckOutcome::NotMet)}},
                               r.field("outcome"));
  fields["outcome"] = outcome;
  fields["completed_on"] = input_field(data, {.id = "completed_on",
                                              .label = "Date of the check",
                                              .value = date_field(r, "completed_on"),
                                              .type = "date",
                                              .hint = "For example, 1 9 2026"});
  fields["expires_on"] = input_field(data, {.id = "expires_on",
                                            .label = "Valid until (optional)",
                                            .value = date_field(r, "expires_on"),
                                            .type = "date",
                                            .hint = "Leave blank for the check's usual period"});
  fields["notes"] = input_field(data, {.id = "notes", .label = "Notes (optional)", .value = r.field("notes")});
  fields["leave_reason"] = input_field(data, {.id = "leave_reason",
                                              .label = "Why it is leaving the directory",
                                              .value = r.field("leave_reason"),
                                              .hint = "Like: closed at the end of the summer term"});
  data["evidence_error"] = data["errors"].contains("evidence") ? data["errors"]["evidence"] : nlohmann::json("");
  data["evidence_limit_mb"] = std::to_string(ctx.services.settings.evidence_limit_bytes / (1024 * 1024));
  return ctx.page("providers/show", std::move(data), status);
}

Response provider_import_page(RequestContext& ctx, const domain::FieldErrors& errors, int status,
                              const app::ImportReport* report = nullptr) {
  nlohmann::json data{{"title", "Import providers from GIAS"}};
  add_errors(data, errors);
  data["file_error"] = data["errors"].contains("file") ? data["errors"]["file"] : nlohmann::json("");
  if (report) {
    nlohmann::json skipped = nlohmann::json::array();
    for (const auto& row : report->skipped)
      skipped.push_back({{"line", std::to_string(row.line)}, {"urn", row.urn}, {"reason", row.reason}});
    data["report"] = {{"created", std::to_string(report->created)},
                      {"updated", std::to_string(report->updated)},
                      {"skipped_count", std::to_string(report->skipped.size())},
                      {"skipped", skipped},
                      {"has_skipped", !report->skipped.empty()}};
  }
  return ctx.page("providers/import", std::move(data), status);
}

}  // namespace

void add_provider_routes(Router& r) {
  r.add("GET", "/providers/running-out", [](Request& req, RequestContext& ctx) {
    const int number = page_number(req);
    const auto page = app::checks_running_out(ctx.services, ctx.actor(), {number, 50});
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& e : page.items) {
      const auto type = domain::parse_check_type(e.check_type);
      rows.push_back({{"provider_id", std::to_string(e.provider_id)},
                      {"provider", e.provider_name},
                      {"check", type ? std::string(domain::check_type_info(*type).label) : e.check_type},
                      {"site", e.site_name},
                      {"expires_on", e.expires_on},
                      {"expires_on_text", domain::date_text(e.expires_on)}});
    }
    nlohmann::json data{{"title", "Checks running out"},
                        {"for_school", !app::allowed(ctx.actor(), domain::Action::AddProvider)},
                        {"days", std::to_string(ctx.services.settings.expiry_warning_days)},
                        {"checks", rows},
                        {"empty", rows.empty()},
                        {"pager", pagination("/providers/running-out", number, page.has_next)}};
    return ctx.page("providers/running_out", std::move(data));
  });

  r.add("GET", "/providers/export.csv", [](Request& req, RequestContext& ctx) {
    auto body = directory_csv(app::export_directory(ctx.services, ctx.actor(), directory_query(req), "csv"));
    auto res = Response::text(200, std::move(body), "text/csv; charset=utf-8");
    res.headers.emplace_back("Content-Disposition", "attachment; filename=\"provider-directory.csv\"");
    return res;
  });

  r.add("GET", "/providers/export.xlsx", [](Request& req, RequestContext& ctx) {
    auto body = directory_xlsx(app::export_directory(ctx.services, ctx.actor(), directory_query(req), "xlsx"));
    auto res =
        Response::text(200, std::move(body), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    res.headers.emplace_back("Content-Disposition", "attachment; filename=\"provider-directory.xlsx\"");
    return res;
  });

  r.add("GET", "/providers/import", [](Request&, RequestContext& ctx) {
    if (!app::allowed(ctx.actor(), domain::Action::ImportProviders)) throw app::Denied();
    return provider_import_page(ctx, {}, 200);
  });

  r.add("POST", "/providers/import", [](Request& req, RequestContext& ctx) {
    const auto* file = req.file("file");
    try {
      const auto report = app::import_gias_extract(ctx.services, ctx.actor(),
                                                   file ? std::optional<std::string_view>(file->data) : std::nullopt);
      return provider_import_page(ctx, {}, 200, &report);
    } catch (const app::Invalid& e) {
      return provider_import_page(ctx, e.errors(), 422);
    }
  });

  r.add("GET", "/providers", directory_page);

  r.add("GET", "/providers/new", [](Request&, RequestContext& ctx) {
    if (!app::allowed(ctx.actor(), domain::Action::AddProvider)) throw app::Denied();
    return provider_form_page(ctx, {}, {}, 200);
  });

  r.add("POST", "/providers/new", [](Request& req, RequestContext& ctx) {
    const auto f = provider_form(req);
    try {
      const auto id = app::add_provider(ctx.services, ctx.actor(), f);
      return Response::redirect("/providers/" + std::to_string(id) + "?done=added");
    } catch (const app::Invalid& e) {
      return provider_form_page(ctx, f, e.errors(), 422);
    }
  });

  r.add("GET", "/providers/{id}/edit", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    const auto form = app::provider_form_for(ctx.services, ctx.actor(), id);
    return provider_form_page(ctx, form, {}, 200, id, app::may_manage_provider(ctx.services, ctx.actor(), id));
  });

  r.add("POST", "/providers/{id}/edit", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    const auto f = provider_form(req);
    try {
      app::update_provider(ctx.services, ctx.actor(), id, f);
    } catch (const app::Invalid& e) {
      return provider_form_page(ctx, f, e.errors(), 422, id, app::may_manage_provider(ctx.services, ctx.actor(), id));
    }
    return Response::redirect("/providers/" + std::to_string(id) + "?done=changed");
  });

  r.add("GET", "/providers/{id}/history", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    const int number = page_number(req);
    const auto view = app::view_provider(ctx.services, ctx.actor(), id);
    const auto page = app::provider_history(ctx.services, ctx.actor(), id, {number, 25});
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& change : page.items) rows.push_back(provider_change_json(change));
    nlohmann::json data{{"title", "History of " + view.profile.name},
                        {"id", id},
                        {"name", view.profile.name},
                        {"changes", rows},
                        {"empty", rows.empty()},
                        {"pager", pagination("/providers/" + std::to_string(id) + "/history", number, page.has_next)}};
    return ctx.page("providers/history", std::move(data));
  });

  r.add("GET", "/providers/{id}",
        [](Request& req, RequestContext& ctx) { return profile_page(ctx, id_param(req, "id"), {}, 200); });

  r.add("POST", "/providers/{id}/sites", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    try {
      app::add_site(ctx.services, ctx.actor(), id,
                    {req.field("site_name"), req.field("address"), req.field("postcode"), req.field("relationship")});
    } catch (const app::Invalid& e) {
      return profile_page(ctx, id, e.errors(), 422, "site");
    }
    return Response::redirect("/providers/" + std::to_string(id) + "?done=site#sites");
  });

  r.add("POST", "/providers/{id}/checks", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    try {
      app::CheckForm form{
          req.field("check_type"),       req.field("site_id"), req.field("outcome"), date_field(req, "completed_on"),
          date_field(req, "expires_on"), req.field("notes"),   std::nullopt};
      if (const auto* file = req.file("evidence")) form.evidence = app::EvidenceUpload{file->filename, file->data};
      app::record_check(ctx.services, ctx.actor(), id, form);
    } catch (const app::Invalid& e) {
      return profile_page(ctx, id, e.errors(), 422, "check");
    }
    return Response::redirect("/providers/" + std::to_string(id) + "?done=check#checks");
  });

  r.add("GET", "/providers/{id}/evidence/{file}", [](Request& req, RequestContext& ctx) {
    auto file = app::download_evidence(ctx.services, ctx.actor(), id_param(req, "id"), id_param(req, "file"));
    auto res = Response::text(200, std::move(file.bytes), file.content_type);
    res.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + file.filename + "\"");
    return res;
  });

  r.add("POST", "/providers/{id}/checks/{check}/verify", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    app::verify_check(ctx.services, ctx.actor(), id_param(req, "id"), id_param(req, "check"));
    return Response::redirect("/providers/" + std::to_string(id) + "?done=verified#checks");
  });

  r.add("POST", "/providers/{id}/leave", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    try {
      app::remove_from_directory(ctx.services, ctx.actor(), id, req.field("leave_reason"));
    } catch (const app::Invalid& e) {
      return profile_page(ctx, id, e.errors(), 422, "leave");
    }
    return Response::redirect("/providers/" + std::to_string(id) + "?done=left");
  });

  r.add("POST", "/providers/{id}/accept", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    app::accept_provider(ctx.services, ctx.actor(), id, req.field("acceptance_notes"));
    return Response::redirect("/providers/" + std::to_string(id) + "?done=accepted");
  });
}

}  // namespace waypoint::web
