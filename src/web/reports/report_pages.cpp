// The provider's regular reports: a placement's reports and its schedule, the provider's draft and
// the form to send it (pages and API), and what the home page lists as ready or late.
#include <nlohmann/json.hpp>

#include "app/kernel/errors.hpp"
#include "app/reports/provider_reports.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/code_label.hpp"
#include "domain/kernel/time.hpp"
#include "web/kernel/application.hpp"
#include "web/kernel/json_body.hpp"
#include "web/reports/report_json.hpp"

namespace waypoint::web {

nlohmann::json report_json(const store::ProviderReportRow& r) {
  auto sections = nlohmann::json::parse(r.sections, nullptr, false);
  if (!sections.is_array()) sections = nlohmann::json::array();
  return {{"id", r.id},
          {"placement_id", r.placement_id},
          {"period_from", r.period_from},
          {"period_to", r.period_to},
          {"period_text", domain::date_text(r.period_from) + " to " + domain::date_text(r.period_to)},
          {"sections", std::move(sections)},
          {"comment", r.comment},
          {"shared_with_parents", r.shared_with_parents},
          {"sent_by", r.sent_by_name},
          {"sent_at", r.sent_at},
          {"sent_at_text", domain::uk_time_text(r.sent_at)}};
}

nlohmann::json reports_json(const std::vector<store::ProviderReportRow>& rows) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : rows) out.push_back(report_json(r));
  return out;
}

nlohmann::json report_due_json(const app::ReportDue& d) {
  const auto to = domain::format_date(d.period.to);
  return {{"placement_id", d.placement.placement_id},
          {"pupil_name", d.placement.pupil_name},
          {"provider_name", d.placement.provider_name},
          {"period_from", domain::format_date(d.period.from)},
          {"period_to", to},
          {"period_text", domain::date_text(d.period.from) + " to " + domain::date_text(d.period.to)},
          {"due_on", domain::format_date(d.period.due)},
          {"due_on_text", domain::date_text(d.period.due)},
          {"state", std::string(domain::report_lateness_label(d.lateness))},
          {"ready", d.lateness != domain::ReportLateness::NotYet},
          {"late", d.lateness == domain::ReportLateness::LateWithProvider ||
                       d.lateness == domain::ReportLateness::LateWithSchool}};
}

namespace {

nlohmann::json sections_json(const std::vector<domain::ReportSection>& sections) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& s : sections) out.push_back({{"heading", s.heading}, {"lines", s.lines}});
  return out;
}

Response reports_page(RequestContext& ctx, std::int64_t placement_id, const domain::FieldErrors& errors, int status) {
  const auto v = app::placement_reports(ctx.services, ctx.actor(), placement_id);
  const auto& r = ctx.request;
  nlohmann::json sent = nlohmann::json::array();
  for (const auto& x : v.sent) sent.push_back(report_json(x));
  nlohmann::json data{{"title", "Reports from " + v.placement.provider_name},
                      {"placement_id", placement_id},
                      {"pupil_name", v.placement.pupil_name},
                      {"provider_name", v.placement.provider_name},
                      {"provider_reports", std::move(sent)},
                      {"has_reports", !v.sent.empty()},
                      {"can_send", v.can_send},
                      {"can_schedule", v.can_schedule},
                      {"every_label", std::string(domain::label_of(domain::report_intervals(), v.schedule.every))},
                      {"to_parents", v.schedule.to_parents},
                      {"notice", r.query_value("done") == "sent"}};
  if (v.next) data["next"] = report_due_json(*v.next);
  add_errors(data, errors);
  auto every = input_field(data, {.id = "report_every", .label = "How often the provider reports"});
  every["options"] =
      options(domain::report_intervals(), r.field("report_every").empty() ? v.schedule.every : r.field("report_every"));
  data["fields"]["report_every"] = every;
  auto parents = input_field(data, {.id = "reports_to_parents",
                                    .label = "Do the parents see the reports?",
                                    .hint = "In Waypoint and by e-mail, from the next report sent"});
  const auto chosen = r.field("reports_to_parents");
  parents["items"] = checkboxes("reports_to_parents", {{"yes", "Yes"}, {"no", "No"}},
                                {chosen.empty() ? std::string(v.schedule.to_parents ? "yes" : "no") : chosen});
  data["fields"]["reports_to_parents"] = parents;
  return ctx.page("reports/placement_reports", std::move(data), status);
}

Response draft_page(RequestContext& ctx, std::int64_t placement_id, const domain::FieldErrors& errors, int status) {
  const auto d = app::draft_provider_report(ctx.services, ctx.actor(), placement_id);
  nlohmann::json data{
      {"title", "Report for " + domain::date_text(d.period.from) + " to " + domain::date_text(d.period.to)},
      {"placement_id", placement_id},
      {"pupil_name", d.placement.pupil_name},
      {"provider_name", d.placement.provider_name},
      {"period_to", domain::format_date(d.period.to)},
      {"due_on_text", domain::date_text(d.period.due)},
      {"sections", sections_json(d.sections)}};
  add_errors(data, errors);
  data["comment_field"] = input_field(data, {.id = "comment",
                                             .label = "Your comment on the period",
                                             .value = ctx.request.field("comment"),
                                             .hint = "What went well, what did not, and what happens next"});
  return ctx.page("reports/draft", std::move(data), status);
}

}  // namespace

void add_report_routes(Router& r) {
  r.add("GET", "/placements/{id}/reports",
        [](Request& req, RequestContext& ctx) { return reports_page(ctx, id_param(req, "id"), {}, 200); });
  r.add("POST", "/placements/{id}/report-schedule", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    try {
      app::set_report_schedule(ctx.services, ctx.actor(), id, req.field("report_every"),
                               req.field("reports_to_parents"));
    } catch (const app::Invalid& e) {
      return reports_page(ctx, id, e.errors(), 422);
    }
    return Response::redirect("/placements/" + std::to_string(id) + "/reports");
  });
  r.add("GET", "/placements/{id}/reports/new",
        [](Request& req, RequestContext& ctx) { return draft_page(ctx, id_param(req, "id"), {}, 200); });
  r.add("POST", "/placements/{id}/reports", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    try {
      app::send_provider_report(ctx.services, ctx.actor(), id, req.field("period_to"), req.field("comment"));
    } catch (const app::Invalid& e) {
      return draft_page(ctx, id, e.errors(), 422);
    }
    return Response::redirect("/placements/" + std::to_string(id) + "/reports?done=sent");
  });

  r.add("GET", "/api/v1/placements/{id}/reports", [](Request& req, RequestContext& ctx) {
    const auto v = app::placement_reports(ctx.services, ctx.actor(), id_param(req, "id"));
    nlohmann::json sent = nlohmann::json::array();
    for (const auto& x : v.sent) sent.push_back(report_json(x));
    nlohmann::json out{{"report_every", v.schedule.every},
                       {"reports_to_parents", v.schedule.to_parents},
                       {"reports", std::move(sent)}};
    out["next"] = v.next ? report_due_json(*v.next) : nlohmann::json();
    return Response::json(200, out.dump());
  });
  r.add("GET", "/api/v1/placements/{id}/reports/draft", [](Request& req, RequestContext& ctx) {
    const auto d = app::draft_provider_report(ctx.services, ctx.actor(), id_param(req, "id"));
    return Response::json(200, nlohmann::json{{"period_from", domain::format_date(d.period.from)},
                                              {"period_to", domain::format_date(d.period.to)},
                                              {"due_on", domain::format_date(d.period.due)},
                                              {"sections", sections_json(d.sections)}}
                                   .dump());
  });
  // {period_to, comment}: the report of the period due now, 201.
  r.add("POST", "/api/v1/placements/{id}/reports", [](Request& req, RequestContext& ctx) {
    const auto b = json_body(req);
    const auto id = app::send_provider_report(ctx.services, ctx.actor(), id_param(req, "id"), text_of(b, "period_to"),
                                              text_of(b, "comment"));
    return Response::json(201, nlohmann::json{{"id", id}}.dump());
  });
  // {report_every, reports_to_parents: yes|no}: 204.
  r.add("POST", "/api/v1/placements/{id}/report-schedule", [](Request& req, RequestContext& ctx) {
    const auto b = json_body(req);
    app::set_report_schedule(ctx.services, ctx.actor(), id_param(req, "id"), text_of(b, "report_every"),
                             text_of(b, "reports_to_parents"));
    return Response::json(204, "");
  });
}

}  // namespace waypoint::web
