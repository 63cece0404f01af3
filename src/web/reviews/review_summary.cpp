#include "web/reviews/review_summary.hpp"

#include <nlohmann/json.hpp>

#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/numbers.hpp"
#include "domain/reviews/review_record.hpp"

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

std::vector<PdfSection> review_sections(const app::ReviewView& v) {
  const auto& r = v.review;
  std::vector<PdfSection> out;
  std::vector<std::string> opening{
      "Pupil: " + v.placement.pupil_name + ", of " + v.placement.school_name,
      "Placement: " + v.placement.provider_name + ", since " +
          domain::date_text(v.placement.activated_on.value_or(v.placement.terms.start_date)),
      "Review held on: " + domain::date_text(r.held_on), "Who took part: " + attendees_text(r)};
  if (r.la_invited_on)
    opening.push_back("The local authority was invited on " + domain::date_text(*r.la_invited_on) + ".");
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
  out.push_back({"Since " + domain::date_text(r.since_date), since});

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
  if (r.extended_to) decided.push_back("The placement now runs until " + domain::date_text(*r.extended_to) + ".");
  if (r.new_plan_version)
    decided.push_back("The plan is being changed: version " + std::to_string(*r.new_plan_version) +
                      " is drafted and will be agreed with you.");
  decided.push_back(r.next_review_on ? "Next review: " + domain::date_text(*r.next_review_on) + "."
                                     : "There is no further review.");
  out.push_back({"What was decided", decided});
  return out;
}

nlohmann::json review_summary_json(const app::ReviewView& v) {
  nlohmann::json sections = nlohmann::json::array();
  for (const auto& s : review_sections(v)) sections.push_back({{"heading", s.heading}, {"lines", s.lines}});
  return sections;
}

std::string review_pdf(const app::ReviewView& v) {
  return render_sections_pdf("Review of " + v.placement.pupil_name + "'s placement", review_sections(v));
}

}  // namespace waypoint::web
