#include "domain/reviews/review_record.hpp"

#include <algorithm>

#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/numbers.hpp"

namespace waypoint::domain {

using std::chrono::sys_days;

const std::vector<CodeLabel>& review_attendees() {
  static const std::vector<CodeLabel> list{
      {"pupil", "The pupil"},       {"parents", "Parents or carers"},           {"school", "The home school"},
      {"provider", "The provider"}, {"local_authority", "The local authority"},
  };
  return list;
}

const std::vector<CodeLabel>& review_decisions() {
  static const std::vector<CodeLabel> list{
      {"continue", "Continue the placement as planned"},
      {"amend_plan", "Amend the plan (a new version of it)"},
      {"extend", "Extend the placement"},
      {"start_reintegration", "Start the return to school"},
      {"end_placement", "End the placement"},
  };
  return list;
}

const std::vector<CodeLabel>& review_requesters() {
  static const std::vector<CodeLabel> list{
      {"parent", "A parent or carer"},
      {"local_authority", "The local authority (EHC plan)"},
  };
  return list;
}

FieldErrors review_problems(const ReviewInput& in, const ReviewFacts& f) {
  FieldErrors e;
  const auto held = parse_date(in.held_on);
  if (in.held_on.empty())
    e.push_back({"held_on", "Enter the date the review was held"});
  else if (!held)
    e.push_back({"held_on", "Date of the review must be a real date, like 2026-11-24"});
  else if (sys_days(*held) > sys_days(f.today))
    e.push_back({"held_on", "Date of the review must be today or in the past: record a review once it is held"});
  else if (sys_days(*held) < sys_days(f.placement_start))
    e.push_back(
        {"held_on", "Date of the review must be on or after the placement started, " + date_text(f.placement_start)});
  else if (f.last_held && sys_days(*held) <= sys_days(*f.last_held))
    e.push_back({"held_on", "Date of the review must be after the last review, held on " + date_text(*f.last_held)});

  if (in.attendees.empty())
    e.push_back({"attendees", "Select who attended the review"});
  else if (std::any_of(in.attendees.begin(), in.attendees.end(),
                       [](const auto& a) { return !in_list(review_attendees(), a); }))
    e.push_back({"attendees", "Select who attended from the list"});

  if (f.pupil_has_ehc_plan) {
    const auto invited = parse_date(in.la_invited_on);
    if (in.la_invited_on.empty())
      e.push_back({"la_invited_on", "The pupil has an EHC plan: enter when the local authority was invited"});
    else if (!invited)
      e.push_back({"la_invited_on", "Date the local authority was invited must be a real date, like 2026-11-10"});
    else if (held && sys_days(*invited) > sys_days(*held))
      e.push_back({"la_invited_on", "Date the local authority was invited must be on or before the review"});
  }

  if (in.pupil_voice.empty())
    e.push_back({"pupil_voice", "Enter what the pupil said, or why they did not give their view"});
  if (in.parent_voice.empty())
    e.push_back({"parent_voice", "Enter what the parents said, or why they did not give their view"});

  for (std::size_t i = 0; i < in.objectives.size(); ++i) {
    const auto& o = in.objectives[i];
    const auto n = "objective_" + std::to_string(i + 1) + "_";
    const auto number = "objective " + std::to_string(i + 1);
    if (o.value.empty())
      e.push_back({n + "value", "Enter the value the review agreed for " + number});
    else if (o.value != o.suggested_value && o.change_reason.empty())
      e.push_back(
          {n + "change_reason", "Say why the value for " + number + " differs from what the logs and attendance show"});
  }

  if (!in_list(review_decisions(), in.decision)) e.push_back({"decision", "Select what the review decided"});
  if (in.decision == "amend_plan" && in.decision_notes.empty())
    e.push_back({"decision_notes", "Say what should change in the plan"});
  if (in.decision == "extend") {
    const auto to = parse_date(in.extended_to);
    if (in.extended_to.empty())
      e.push_back({"extended_to", "Enter the new planned end date"});
    else if (!to)
      e.push_back({"extended_to", "New planned end date must be a real date, like 2027-03-26"});
    else if (sys_days(*to) <= sys_days(f.planned_end))
      e.push_back({"extended_to", "New planned end date must be after the current one, " + date_text(f.planned_end)});
  }

  // An ended placement has no next review; every other decision keeps the pupil under review.
  if (in.decision != "end_placement") {
    const auto next = parse_date(in.next_review_on);
    if (in.next_review_on.empty())
      e.push_back({"next_review_on", "Enter the date of the next review"});
    else if (!next)
      e.push_back({"next_review_on", "Date of the next review must be a real date, like 2027-01-12"});
    else if (held && sys_days(*next) <= sys_days(*held))
      e.push_back({"next_review_on", "Date of the next review must be after this review"});
  }
  return e;
}

FieldErrors request_problems(const std::string& requested_by, const std::string& requester_name,
                             const std::string& requested_on, Date today, bool pupil_has_ehc_plan) {
  FieldErrors e;
  if (!in_list(review_requesters(), requested_by))
    e.push_back({"requested_by", "Select who asked for the review"});
  else if (requested_by == "local_authority" && !pupil_has_ehc_plan)
    e.push_back(
        {"requested_by", "The local authority asks for reviews of pupils with an EHC plan: this pupil has none"});
  if (requester_name.empty()) e.push_back({"requester_name", "Enter the name of the person who asked"});
  const auto on = parse_date(requested_on);
  if (requested_on.empty())
    e.push_back({"requested_on", "Enter the date of the written request"});
  else if (!on)
    e.push_back({"requested_on", "Date of the request must be a real date, like 2026-11-20"});
  else if (sys_days(*on) > sys_days(today))
    e.push_back({"requested_on", "Date of the request must be today or in the past"});
  return e;
}

std::string percent_text(int part, int whole) { return whole ? one_decimal(100.0 * part / whole) : ""; }

Suggestion suggest_objective_value(const ObjectiveEvidence& e) {
  const auto since = date_text(e.since);
  if (e.area == "attendance" && e.attendance.possible)
    return {percent_text(e.attendance.attended, e.attendance.possible),
            "attendance since " + since + ": " + std::to_string(e.attendance.attended) + " of " +
                std::to_string(e.attendance.possible) + " sessions"};
  if (e.latest_logged)
    return {*e.latest_logged,
            "the provider's log" + (e.latest_logged_on ? " of " + date_text(*e.latest_logged_on) : std::string())};
  if (e.area == "engagement" && e.engagement_mean)
    return {one_decimal(*e.engagement_mean), "mean engagement logged since " + since};
  return {"", "nothing logged since " + since};
}

}  // namespace waypoint::domain
