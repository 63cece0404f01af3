// Restrictive interventions: the form, each pupil's records, one record as the parents read it, and
// the LA's trend by provider (pages and API).
#include <functional>
#include <nlohmann/json.hpp>

#include "app/interventions/interventions.hpp"
#include "app/kernel/errors.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/code_label.hpp"
#include "domain/kernel/time.hpp"
#include "web/kernel/application.hpp"
#include "web/kernel/date_input.hpp"
#include "web/kernel/json_body.hpp"

namespace waypoint::web {
namespace {

using domain::InterventionInput;

// "2026-12" as people read it: "December 2026".
std::string month_text(const std::string& month) { return domain::date_text(month + "-01").substr(2); }

InterventionInput from_values(const std::function<std::string(const char*)>& value) {
  return {value("date"),      value("time"),          value("place"),    value("staff"),
          value("led_up_to"), value("de_escalation"), value("kind"),     value("minutes"),
          value("reason"),    value("reason_detail"), value("injuries"), value("support_afterwards")};
}

InterventionInput form_input(const Request& r) {
  return from_values([&](const char* f) { return std::string(f) == "date" ? date_field(r, f) : r.field(f); });
}

nlohmann::json intervention_json(const store::InterventionRow& x) {
  const auto& r = x.record;
  return {{"id", x.id},
          {"pupil_id", x.pupil_id},
          {"recorded_by_organisation", x.organisation_name},
          {"date", r.date},
          {"date_text", domain::weekday_date_text(r.date)},
          {"time", r.time},
          {"place", r.place},
          {"staff", r.staff},
          {"led_up_to", r.led_up_to},
          {"de_escalation", r.de_escalation},
          {"kind", r.kind},
          {"kind_label", std::string(domain::label_of(domain::intervention_kinds(), r.kind))},
          {"minutes", std::stoi(r.minutes)},
          {"reason", r.reason},
          {"reason_label", std::string(domain::label_of(domain::intervention_reasons(), r.reason))},
          {"reason_detail", r.reason_detail},
          {"injuries", r.injuries},
          {"support_afterwards", r.support_afterwards},
          {"pupil_sen", x.pupil_sen},
          {"recorded_by", x.recorded_by_name},
          {"recorded_at", x.recorded_at},
          {"recorded_at_text", domain::uk_time_text(x.recorded_at)}};
}

Response form_page(RequestContext& ctx, std::int64_t pupil_id, const domain::FieldErrors& errors, int status) {
  const auto v = app::pupil_interventions(ctx.services, ctx.actor(), pupil_id);
  const auto& r = ctx.request;
  nlohmann::json data{{"title", "Record a restrictive intervention"},
                      {"pupil_id", pupil_id},
                      {"pupil_name", v.pupil.given_name + " " + v.pupil.family_name}};
  add_errors(data, errors);
  auto& f = data["fields"];
  const auto text = [&](const char* id, const char* label, const char* hint = "") {
    f[id] = input_field(data, {.id = id, .label = label, .value = r.field(id), .hint = hint});
  };
  f["date"] = input_field(data, {.id = "date",
                                 .label = "Date it happened",
                                 .value = date_field(r, "date"),
                                 .type = "date",
                                 .hint = date_example(ctx.services.today())});
  f["time"] = input_field(data, {.id = "time",
                                 .label = "Time it started",
                                 .value = r.field("time"),
                                 .hint = "Use the 24-hour clock, like 13:45",
                                 .width = "govuk-input--width-5"});
  text("place", "Where it happened", "The room or place, and the site");
  text("staff", "Staff involved", "Their names and roles");
  text("led_up_to", "What led up to it");
  text("de_escalation", "What was tried to calm things first");
  auto kind = input_field(data, {.id = "kind", .label = "Kind of intervention"});
  kind["options"] = options(domain::intervention_kinds(), r.field("kind"));
  f["kind"] = kind;
  f["minutes"] = input_field(data, {.id = "minutes",
                                    .label = "How long it lasted, in minutes",
                                    .value = r.field("minutes"),
                                    .width = "govuk-input--width-3"});
  auto reason = input_field(data, {.id = "reason", .label = "Why it was needed"});
  reason["options"] = options(domain::intervention_reasons(), r.field("reason"));
  f["reason"] = reason;
  text("reason_detail", "More about why (optional)");
  text("injuries", "Injuries to the pupil or staff", "Write None if nobody was injured");
  text("support_afterwards", "Support given to the pupil afterwards", "Like a talk with a trusted adult, first aid");
  return ctx.page("interventions/form", std::move(data), status);
}

}  // namespace

void add_intervention_routes(Router& r) {
  r.add("GET", "/pupils/{id}/interventions", [](Request& req, RequestContext& ctx) {
    const auto v = app::pupil_interventions(ctx.services, ctx.actor(), id_param(req, "id"));
    nlohmann::json list = nlohmann::json::array();
    for (const auto& x : v.records) list.push_back(intervention_json(x));
    const bool any = !list.empty();
    return ctx.page("interventions/list", {{"title", "Restrictive interventions"},
                                           {"pupil_id", v.pupil.id},
                                           {"pupil_name", v.pupil.given_name + " " + v.pupil.family_name},
                                           {"records", std::move(list)},
                                           {"has_records", any},
                                           {"can_record", v.can_record},
                                           {"notice", ctx.request.query_value("done") == "recorded"}});
  });

  r.add("GET", "/pupils/{id}/interventions/new",
        [](Request& req, RequestContext& ctx) { return form_page(ctx, id_param(req, "id"), {}, 200); });

  r.add("POST", "/pupils/{id}/interventions/new", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    try {
      app::record_intervention(ctx.services, ctx.actor(), id, form_input(req));
    } catch (const app::Invalid& e) {
      return form_page(ctx, id, e.errors(), 422);
    }
    return Response::redirect("/pupils/" + std::to_string(id) + "/interventions?done=recorded");
  });

  r.add("GET", "/interventions/{id}", [](Request& req, RequestContext& ctx) {
    const auto v = app::view_intervention(ctx.services, ctx.actor(), id_param(req, "id"));
    auto data = intervention_json(v.record);
    data["title"] = "Force or restraint used on " + domain::weekday_date_text(v.record.record.date);
    data["pupil_name"] = v.pupil.given_name + " " + v.pupil.family_name;
    return ctx.page("interventions/show", std::move(data));
  });

  r.add("GET", "/area/interventions", [](Request&, RequestContext& ctx) {
    const auto t = app::area_intervention_trend(ctx.services, ctx.actor());
    nlohmann::json months = nlohmann::json::array();
    for (const auto& m : t.months) months.push_back(month_text(m));
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& row : t.rows)
      rows.push_back({{"provider", row.provider}, {"counts", row.counts}, {"total", row.total}});
    const bool any = !rows.empty();
    return ctx.page("interventions/trend", {{"title", "Restrictive interventions by provider"},
                                            {"months", std::move(months)},
                                            {"rows", std::move(rows)},
                                            {"has_rows", any}});
  });

  r.add("GET", "/api/v1/pupils/{id}/interventions", [](Request& req, RequestContext& ctx) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& x : app::pupil_interventions(ctx.services, ctx.actor(), id_param(req, "id")).records)
      list.push_back(intervention_json(x));
    return Response::json(200, nlohmann::json{{"interventions", list}}.dump());
  });

  r.add("POST", "/api/v1/pupils/{id}/interventions", [](Request& req, RequestContext& ctx) {
    const auto b = json_body(req);
    const auto id = app::record_intervention(ctx.services, ctx.actor(), id_param(req, "id"),
                                             from_values([&](const char* f) { return text_of(b, f); }));
    return Response::json(201, nlohmann::json{{"id", id}}.dump());
  });

  r.add("GET", "/api/v1/interventions/{id}", [](Request& req, RequestContext& ctx) {
    return Response::json(
        200, intervention_json(app::view_intervention(ctx.services, ctx.actor(), id_param(req, "id")).record).dump());
  });
}

}  // namespace waypoint::web
