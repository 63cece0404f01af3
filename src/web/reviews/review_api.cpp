// The JSON API for reviews: the same use cases as the pages, with the same scope and audit.
#include <nlohmann/json.hpp>

#include "app/reviews/reviews.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "web/kernel/application.hpp"
#include "web/kernel/json_body.hpp"
#include "web/reviews/review_json.hpp"
#include "web/reviews/review_summary.hpp"

namespace waypoint::web {

void add_review_api_routes(Router& r) {
  r.add("GET", "/api/v1/placements/{id}/reviews", [](Request& req, RequestContext& ctx) {
    return Response::json(
        200, placement_reviews_json(app::placement_reviews(ctx.services, ctx.actor(), id_param(req, "id"))).dump());
  });

  // {requested_by, requester_name, requested_on}
  r.add("POST", "/api/v1/placements/{id}/review-requests", [](Request& req, RequestContext& ctx) {
    const auto body = json_body(req);
    const auto owed = app::record_review_request(
        ctx.services, ctx.actor(), id_param(req, "id"),
        {text_of(body, "requested_by"), text_of(body, "requester_name"), text_of(body, "requested_on")});
    return Response::json(
        201, nlohmann::json{{"owed_on", owed ? nlohmann::json(domain::format_date(*owed)) : nlohmann::json()}}.dump());
  });

  // A parent's own written request, made today in their name; no body.
  r.add("POST", "/api/v1/placements/{id}/reviews/ask", [](Request& req, RequestContext& ctx) {
    const auto owed = app::ask_for_review(ctx.services, ctx.actor(), id_param(req, "id"));
    return Response::json(
        201, nlohmann::json{{"owed_on", owed ? nlohmann::json(domain::format_date(*owed)) : nlohmann::json()}}.dump());
  });

  // {held_on, attendees: [...], other_attendees, la_invited_on, pupil_voice, parent_voice,
  //  objectives: [{value, change_reason}] in the plan's order, decision, decision_notes, extended_to, next_review_on}
  r.add("POST", "/api/v1/placements/{id}/reviews", [](Request& req, RequestContext& ctx) {
    const auto body = json_body(req);
    domain::ReviewInput in;
    in.held_on = text_of(body, "held_on");
    in.attendees = list_of(body, "attendees");
    in.other_attendees = text_of(body, "other_attendees");
    in.la_invited_on = text_of(body, "la_invited_on");
    in.pupil_voice = text_of(body, "pupil_voice");
    in.parent_voice = text_of(body, "parent_voice");
    if (body.contains("objectives") && body["objectives"].is_array())
      for (const auto& o : body["objectives"])
        in.objectives.push_back({"", text_of(o, "value"), text_of(o, "change_reason")});
    in.decision = text_of(body, "decision");
    in.decision_notes = text_of(body, "decision_notes");
    in.extended_to = text_of(body, "extended_to");
    in.next_review_on = text_of(body, "next_review_on");
    return created(app::record_review(ctx.services, ctx.actor(), id_param(req, "id"), in));
  });

  r.add("GET", "/api/v1/reviews/due", [](Request&, RequestContext& ctx) {
    nlohmann::json due = nlohmann::json::array();
    for (const auto& d : app::reviews_due(ctx.services, ctx.actor())) due.push_back(review_due_json(d));
    return Response::json(200, nlohmann::json{{"reviews_due", std::move(due)}}.dump());
  });

  // The review as recorded, and its summary in the words the page and the letter use.
  r.add("GET", "/api/v1/reviews/{id}", [](Request& req, RequestContext& ctx) {
    const auto v = app::view_review(ctx.services, ctx.actor(), id_param(req, "id"));
    auto body = review_json(v.review);
    body["summary"] = review_summary_json(v);
    return Response::json(200, body.dump());
  });
}

}  // namespace waypoint::web
