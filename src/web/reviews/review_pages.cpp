#include <nlohmann/json.hpp>

#include "app/kernel/errors.hpp"
#include "app/reviews/reviews.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/numbers.hpp"
#include "web/kernel/application.hpp"
#include "web/pupils/pupil_voice_json.hpp"
#include "web/reports/report_json.hpp"
#include "web/reviews/review_json.hpp"
#include "web/reviews/review_summary.hpp"

namespace waypoint::web {
namespace {

using domain::format_date;

std::string reviews_path(std::int64_t placement_id) {
  return "/placements/" + std::to_string(placement_id) + "/reviews";
}

Response placement_reviews_page(RequestContext& ctx, std::int64_t placement_id, const domain::FieldErrors& errors,
                                int status) {
  const auto v = app::placement_reviews(ctx.services, ctx.actor(), placement_id);
  const auto& r = ctx.request;
  nlohmann::json data{{"title", "Reviews: " + v.placement.pupil_name},
                      {"placement_id", placement_id},
                      {"provider_name", v.placement.provider_name},
                      {"can_record", v.can_record},
                      {"notice", r.query_value("done")},
                      {"interval_weeks", domain::review_interval_of(v.placement.terms)},
                      {"ehc", v.pupil_has_ehc_plan}};
  add_errors(data, errors);
  const auto shown = placement_reviews_json(v);
  if (v.status) {
    data["status"] = shown["status"];
    data["status"]["class"] = review_state_class(v.status->state);
  }
  data["reviews"] = shown["reviews"];
  data["has_reviews"] = !v.reviews.empty();
  data["requests"] = shown["requests"];
  data["has_requests"] = !v.requests.empty();
  auto& fields = data["fields"];
  auto by = input_field(data, {.id = "requested_by", .label = "Who asked"});
  by["options"] = options(domain::review_requesters(), r.field("requested_by"));
  fields["requested_by"] = by;
  fields["requester_name"] =
      input_field(data, {.id = "requester_name", .label = "Their name", .value = r.field("requester_name")});
  fields["requested_on"] = input_field(data, {.id = "requested_on",
                                              .label = "Date of the written request",
                                              .value = date_field(r, "requested_on"),
                                              .type = "date",
                                              .hint = date_example(ctx.services.today())});
  return ctx.page("reviews/placement", std::move(data), status);
}

domain::ReviewInput review_input(const Request& r) {
  domain::ReviewInput in;
  in.held_on = date_field(r, "held_on");
  in.attendees = r.fields("attendees");
  in.other_attendees = r.field("other_attendees");
  in.la_invited_on = date_field(r, "la_invited_on");
  in.pupil_voice = r.field("pupil_voice");
  in.parent_voice = r.field("parent_voice");
  const auto count = domain::parse_whole_number(r.field("objective_count")).value_or(0);
  for (std::int64_t i = 1; i <= std::min<std::int64_t>(count, 50); ++i) {
    const auto n = "objective_" + std::to_string(i) + "_";
    in.objectives.push_back({"", r.field(n + "value"), r.field(n + "change_reason")});
  }
  in.decision = r.field("decision");
  in.decision_notes = r.field("decision_notes");
  in.extended_to = date_field(r, "extended_to");
  in.next_review_on = date_field(r, "next_review_on");
  return in;
}

Response review_form_page(RequestContext& ctx, std::int64_t placement_id, const domain::FieldErrors& errors,
                          int status) {
  const auto f = app::review_form(ctx.services, ctx.actor(), placement_id);
  const auto& r = ctx.request;
  const bool typed = r.method == "POST";
  const auto& ev = f.evidence;
  const bool pupil_said = !f.pupil_said.empty();
  nlohmann::json data{
      {"title", "Record a review: " + f.placement.pupil_name},
      {"placement_id", placement_id},
      {"answers", pupil_voices_json(f.pupil_said)},
      {"has_pupil_said", pupil_said},
      {"provider_reports", reports_json(f.provider_reports)},
      {"has_provider_reports", !f.provider_reports.empty()},
      {"since", domain::date_text(ev.since)},
      {"attendance", ev.attendance.possible
                         ? std::to_string(ev.attendance.attended) + " of " + std::to_string(ev.attendance.possible) +
                               " sessions (" + domain::percent_text(ev.attendance.attended, ev.attendance.possible) +
                               "%)"
                         : std::string("No sessions recorded")},
      {"engagement", ev.engagement_logs
                         ? domain::one_decimal(static_cast<double>(ev.engagement_total) / ev.engagement_logs) +
                               " out of 5 over " + std::to_string(ev.engagement_logs) + " logs"
                         : std::string("Nothing logged")},
      {"incidents", ev.incidents},
      {"ehc", f.pupil_has_ehc_plan},
      {"objective_count", ev.objectives.size()},
      {"has_objectives", !ev.objectives.empty()}};
  add_errors(data, errors);
  auto& fields = data["fields"];
  const auto today = format_date(ctx.services.today());
  auto text = [&](const std::string& id, const std::string& label, const std::string& fallback,
                  const std::string& hint = "", const std::string& width = "") {
    fields[id] = input_field(
        data, {.id = id, .label = label, .value = typed ? r.field(id) : fallback, .hint = hint, .width = width});
  };
  auto date = [&](const std::string& id, const std::string& label, const std::string& fallback,
                  const std::string& hint) {
    fields[id] = input_field(
        data, {.id = id, .label = label, .value = typed ? date_field(r, id) : fallback, .type = "date", .hint = hint});
  };
  date("held_on", "Date of the review", today, date_example(ctx.services.today()));
  data["attendee_boxes"] = checkboxes("attendees", domain::review_attendees(), r.fields("attendees"));
  data["attendees_error"] = data["errors"].contains("attendees") ? data["errors"]["attendees"] : nlohmann::json("");
  text("other_attendees", "Anyone else who took part (optional)", "", "Names and roles, like the social worker");
  date("la_invited_on", "Date the local authority was invited", "",
       "The pupil has an EHC plan: the local authority is invited to every review");
  text("pupil_voice", "What the pupil said", "");
  text("parent_voice", "What the parents said", "");
  nlohmann::json objectives = nlohmann::json::array();
  for (const auto& o : ev.objectives) {
    const auto n = "objective_" + std::to_string(o.position) + "_";
    const auto shown = o.suggested_value.empty() ? std::string("nothing recorded") : o.suggested_value;
    objectives.push_back({{"legend", std::to_string(o.position) + ". " + o.description},
                          {"baseline", o.baseline},
                          {"target", o.target},
                          {"suggested", shown + " (" + o.suggested_from + ")"},
                          {"value", input_field(data, {.id = n + "value",
                                                       .label = "Where the pupil is now",
                                                       .value = typed ? r.field(n + "value") : o.suggested_value,
                                                       .width = "govuk-input--width-10"})},
                          {"reason", input_field(data, {.id = n + "change_reason",
                                                        .label = "If you change it: why (optional otherwise)",
                                                        .value = typed ? r.field(n + "change_reason") : ""})}});
  }
  data["objectives"] = std::move(objectives);
  data["decision_radios"] = checkboxes("decision", domain::review_decisions(), {r.field("decision")});
  data["decision_error"] = data["errors"].contains("decision") ? data["errors"]["decision"] : nlohmann::json("");
  text("decision_notes", "What was agreed", "", "Needed when the plan is amended: say what should change");
  date("extended_to", "New planned last day, to extend", "", "For example, 26 3 2027");
  const auto next = domain::Date{std::chrono::sys_days(ctx.services.today()) +
                                 std::chrono::days(7 * domain::review_interval_of(f.placement.terms))};
  date("next_review_on", "Date of the next review", format_date(next), "Not needed when the placement ends");
  return ctx.page("reviews/form", std::move(data), status);
}

nlohmann::json review_page_json(const app::ReviewView& v) {
  auto data = review_json(v.review);
  data["title"] = "Review of " + v.placement.pupil_name + "'s placement";
  data["review_id"] = v.review.id;
  data["answers"] = pupil_voices_json(v.pupil_said);
  data["has_pupil_said"] = !v.pupil_said.empty();
  data["provider_reports"] = reports_json(v.provider_reports);
  data["has_provider_reports"] = !v.provider_reports.empty();
  data["starts_return"] = v.review.decision == "start_reintegration";
  data["ends_placement"] = v.review.decision == "end_placement" && v.placement.status != "ended";
  data["sections"] = review_summary_json(v);
  return data;
}

}  // namespace

void add_review_routes(Router& r) {
  r.add("GET", "/placements/{id}/reviews",
        [](Request& req, RequestContext& ctx) { return placement_reviews_page(ctx, id_param(req, "id"), {}, 200); });

  r.add("POST", "/placements/{id}/reviews/requests", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    try {
      app::record_review_request(
          ctx.services, ctx.actor(), id,
          {req.field("requested_by"), req.field("requester_name"), date_field(req, "requested_on")});
    } catch (const app::Invalid& e) {
      return placement_reviews_page(ctx, id, e.errors(), 422);
    }
    return Response::redirect(reviews_path(id) + "?done=request");
  });

  r.add("GET", "/placements/{id}/reviews/new",
        [](Request& req, RequestContext& ctx) { return review_form_page(ctx, id_param(req, "id"), {}, 200); });

  r.add("POST", "/placements/{id}/reviews", [](Request& req, RequestContext& ctx) {
    const auto id = id_param(req, "id");
    std::int64_t review_id = 0;
    try {
      review_id = app::record_review(ctx.services, ctx.actor(), id, review_input(req));
    } catch (const app::Invalid& e) {
      return review_form_page(ctx, id, e.errors(), 422);
    }
    return Response::redirect("/reviews/" + std::to_string(review_id) + "?done=recorded");
  });

  r.add("GET", "/reviews/{id}", [](Request& req, RequestContext& ctx) {
    auto data = review_page_json(app::view_review(ctx.services, ctx.actor(), id_param(req, "id")));
    data["notice"] = req.query_value("done");
    return ctx.page("reviews/show", std::move(data));
  });

  r.add("GET", "/reviews/{id}/summary.pdf", [](Request& req, RequestContext& ctx) {
    const auto v = app::view_review(ctx.services, ctx.actor(), id_param(req, "id"));
    Response res;
    res.content_type = "application/pdf";
    res.headers.emplace_back("Content-Disposition", "attachment; filename=\"review-" + v.review.held_on + ".pdf\"");
    res.body = review_pdf(v);
    return res;
  });
}

}  // namespace waypoint::web
