#include "web/reviews/review_summary.hpp"

#include <nlohmann/json.hpp>

#include "domain/kernel/numbers.hpp"
#include "domain/reviews/review_record.hpp"
#include "web/kernel/json_value.hpp"

namespace waypoint::web {
namespace {

std::string attendees_text(const store::ReviewRow& r) {
  std::string out;
  for (const auto& a : r.attendees)
    out += (out.empty() ? "" : ", ") + std::string(domain::label_of(domain::review_attendees(), a));
  if (!r.other_attendees.empty()) out += (out.empty() ? "" : "; also ") + r.other_attendees;
  return out;
}

}  // namespace

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

std::vector<PdfSection> review_sections(const app::ReviewView& v) {
  const auto& r = v.review;
  std::vector<PdfSection> out;
  std::vector<std::string> opening{"Pupil: " + v.placement.pupil_name + ", of " + v.placement.school_name,
                                   "Placement: " + v.placement.provider_name + ", since " +
                                       v.placement.activated_on.value_or(v.placement.terms.start_date),
                                   "Review held on: " + r.held_on, "Who took part: " + attendees_text(r)};
  if (r.la_invited_on) opening.push_back("The local authority was invited on " + *r.la_invited_on + ".");
  out.push_back({"", opening});
  out.push_back({"What the pupil said", {r.pupil_voice}});
  out.push_back({"What the parents said", {r.parent_voice}});

  std::vector<std::string> since;
  since.push_back(r.sessions_possible ? "Attendance: " + std::to_string(r.sessions_attended) + " of " +
                                            std::to_string(r.sessions_possible) + " sessions (" +
                                            domain::percent_text(r.sessions_attended, r.sessions_possible) + "%)."
                                      : "Attendance: no sessions at the provider were recorded in this time.");
  since.push_back(
      r.engagement_logs
          ? "Engagement: " + domain::one_decimal(static_cast<double>(r.engagement_total) / r.engagement_logs) +
                " out of 5 on average, over " + std::to_string(r.engagement_logs) +
                (r.engagement_logs == 1 ? " day logged." : " days logged.")
          : "Engagement: nothing was logged in this time.");
  since.push_back("Incidents: " + std::to_string(r.incidents) + ".");
  out.push_back({"Since " + r.since_date, since});

  if (!r.objectives.empty()) {
    std::vector<std::string> lines;
    for (const auto& o : r.objectives) {
      std::string line = std::to_string(o.position) + ". " + o.description + ": now " + o.value + ". Baseline " +
                         o.baseline + "; target " + o.target + ".";
      if (!o.change_reason.empty())
        line += " The records showed " + (o.suggested_value.empty() ? std::string("no value") : o.suggested_value) +
                " (" + o.suggested_from + "); changed because: " + o.change_reason;
      lines.push_back(line);
    }
    out.push_back({"Progress against the plan" +
                       (r.plan_version ? " (version " + std::to_string(*r.plan_version) + ")" : std::string()),
                   lines});
  }

  std::vector<std::string> decided{std::string(domain::label_of(domain::review_decisions(), r.decision)) + "."};
  if (!r.decision_notes.empty()) decided.push_back(r.decision_notes);
  if (r.extended_to) decided.push_back("The placement now runs until " + *r.extended_to + ".");
  if (r.new_plan_version)
    decided.push_back("The plan is being changed: version " + std::to_string(*r.new_plan_version) +
                      " is drafted and will be agreed with you.");
  decided.push_back(r.next_review_on ? "Next review: " + *r.next_review_on + "." : "There is no further review.");
  out.push_back({"What was decided", decided});
  return out;
}

std::string review_pdf(const app::ReviewView& v) {
  return render_sections_pdf("Review of " + v.placement.pupil_name + "'s placement", review_sections(v));
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
          {"decision_notes", r.decision_notes},
          {"extended_to", json_or_null(r.extended_to)},
          {"new_plan_version", json_or_null(r.new_plan_version)},
          {"next_review_on", json_or_null(r.next_review_on)},
          {"recorded_by", r.recorded_by},
          {"recorded_at", r.recorded_at},
          {"objectives", objectives}};
}

}  // namespace waypoint::web
