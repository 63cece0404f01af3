#include "web/reviews/review_json.hpp"

#include <nlohmann/json.hpp>

#include "domain/kernel/calendar_date.hpp"
#include "domain/reviews/review_record.hpp"
#include "web/kernel/json_value.hpp"

namespace waypoint::web {

const char* review_state_label(domain::ReviewState s) {
  switch (s) {
    case domain::ReviewState::Overdue:
      return "Overdue";
    case domain::ReviewState::Due:
      return "Due today";
    case domain::ReviewState::DueSoon:
      return "Due soon";
    case domain::ReviewState::NotYet:
      break;
  }
  return "Scheduled";
}

const char* review_state_class(domain::ReviewState s) {
  switch (s) {
    case domain::ReviewState::Overdue:
      return "govuk-tag--red";
    case domain::ReviewState::Due:
      return "govuk-tag--orange";
    case domain::ReviewState::DueSoon:
      return "govuk-tag--yellow";
    case domain::ReviewState::NotYet:
      break;
  }
  return "govuk-tag--grey";
}

nlohmann::json review_json(const store::ReviewRow& r) {
  nlohmann::json objectives = nlohmann::json::array();
  for (const auto& o : r.objectives)
    objectives.push_back({{"position", o.position},
                          {"area", o.area},
                          {"description", o.description},
                          {"baseline", o.baseline},
                          {"target", o.target},
                          {"suggested_value", o.suggested_value},
                          {"suggested_from", o.suggested_from},
                          {"value", o.value},
                          {"change_reason", o.change_reason}});
  return {{"id", r.id},
          {"placement_id", r.placement_id},
          {"pupil_id", r.pupil_id},
          {"held_on", r.held_on},
          {"held_on_text", domain::date_text(r.held_on)},
          {"attendees", r.attendees},
          {"other_attendees", r.other_attendees},
          {"la_invited_on", json_or_null(r.la_invited_on)},
          {"pupil_voice", r.pupil_voice},
          {"parent_voice", r.parent_voice},
          {"since", r.since_date},
          {"sessions_possible", r.sessions_possible},
          {"sessions_attended", r.sessions_attended},
          {"engagement_logs", r.engagement_logs},
          {"engagement_mean", r.engagement_logs
                                  ? nlohmann::json(static_cast<double>(r.engagement_total) / r.engagement_logs)
                                  : nlohmann::json()},
          {"incidents", r.incidents},
          {"plan_version", json_or_null(r.plan_version)},
          {"decision", r.decision},
          {"decision_label", std::string(domain::label_of(domain::review_decisions(), r.decision))},
          {"decision_notes", r.decision_notes},
          {"extended_to", json_or_null(r.extended_to)},
          {"new_plan_version", json_or_null(r.new_plan_version)},
          {"next_review_on", json_or_null(r.next_review_on)},
          {"next_review_on_text", r.next_review_on ? domain::date_text(*r.next_review_on) : "None"},
          {"recorded_by", r.recorded_by},
          {"recorded_at", r.recorded_at},
          {"objectives", std::move(objectives)}};
}

nlohmann::json review_status_json(const app::ReviewStatus& s) {
  const auto due = domain::format_date(s.due.on), first = domain::format_date(s.schedule.first_review);
  return {{"due_on", due},
          {"due_on_text", domain::date_text(due)},
          {"requested", s.due.requested},
          {"state", review_state_label(s.state)},
          {"first_review_on", first},
          {"first_review_on_text", domain::date_text(first)},
          {"interval_weeks", s.schedule.interval_weeks}};
}

nlohmann::json review_request_json(const store::ReviewRequestRow& r) {
  return {{"id", r.id},
          {"requested_by", r.requested_by},
          {"requested_by_label", std::string(domain::label_of(domain::review_requesters(), r.requested_by))},
          {"requester_name", r.requester_name},
          {"requested_on", r.requested_on},
          {"requested_on_text", domain::date_text(r.requested_on)},
          {"owed_on", json_or_null(r.owed_on)},
          {"owed_text", r.owed_on ? "A review was owed from " + domain::date_text(*r.owed_on)
                                  : std::string("None owed: a review was held in the 10 weeks before")}};
}

nlohmann::json review_due_json(const app::DueReview& d) {
  auto j = review_status_json(d.status);
  j["placement_id"] = d.placement.id;
  j["pupil_id"] = d.placement.pupil_id;
  j["pupil_name"] = d.placement.pupil_name;
  j["provider_name"] = d.placement.provider_name;
  return j;
}

nlohmann::json placement_reviews_json(const app::PlacementReviews& v) {
  nlohmann::json reviews = nlohmann::json::array(), requests = nlohmann::json::array();
  for (const auto& x : v.reviews) reviews.push_back(review_json(x));
  for (const auto& x : v.requests) requests.push_back(review_request_json(x));
  return {{"status", v.status ? review_status_json(*v.status) : nlohmann::json()},
          {"reviews", reviews},
          {"requests", requests}};
}

}  // namespace waypoint::web
