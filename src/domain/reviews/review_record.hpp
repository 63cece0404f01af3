#pragma once
// What a review records, the rules for recording one, and the values it starts from: each
// objective's latest value from the provider's logs and the attendance register.
#include <optional>
#include <string>
#include <vector>

#include "domain/attendance/attendance.hpp"
#include "domain/calendar/school_calendar.hpp"
#include "domain/kernel/code_label.hpp"
#include "domain/kernel/field_error.hpp"

namespace waypoint::domain {

const std::vector<CodeLabel>& review_attendees();   // pupil, parents, provider, school, local_authority
const std::vector<CodeLabel>& review_decisions();   // continue, amend_plan, extend, start_reintegration, end_placement
const std::vector<CodeLabel>& review_requesters();  // parent, local_authority

struct ObjectiveReview {
  std::string suggested_value;  // from the logs and attendance, shown in the form
  std::string value;            // what the review agrees
  std::string change_reason;    // needed when the value is not the suggestion
};

// As typed; dates as text.
struct ReviewInput {
  std::string held_on;
  std::vector<std::string> attendees;
  std::string other_attendees;
  std::string la_invited_on;
  std::string pupil_voice, parent_voice;
  std::vector<ObjectiveReview> objectives;  // one per objective of the agreed plan, in order
  std::string decision, decision_notes, extended_to, next_review_on;
};

struct ReviewFacts {
  Date today;
  Date placement_start;
  Date planned_end;
  bool pupil_has_ehc_plan = false;
  std::optional<Date> last_held;
};

// Fields: held_on, attendees, la_invited_on, pupil_voice, parent_voice, objective_<n>_value,
// objective_<n>_change_reason (counting from 1), decision, decision_notes, extended_to, next_review_on.
FieldErrors review_problems(const ReviewInput& in, const ReviewFacts& f);

// A written request for a review: from a parent, or from the LA for a pupil with an EHC plan;
// dated on a real day, not in the future. Fields: requested_by, requester_name, requested_on.
FieldErrors request_problems(const std::string& requested_by, const std::string& requester_name,
                             const std::string& requested_on, Date today, bool pupil_has_ehc_plan);

// What the record shows for an objective before anyone edits it.
struct ObjectiveEvidence {
  std::string area;                          // the objective's area (objective_areas)
  std::optional<std::string> latest_logged;  // the provider's latest value since `since`
  std::optional<Date> latest_logged_on;
  AttendanceSummary attendance;  // since `since`
  std::optional<double> engagement_mean;
  Date since;
};
struct Suggestion {
  std::string value;
  std::string from;  // where it came from, in words
};
// An attendance objective reads the register (percent of possible sessions, one decimal); any
// other reads the latest logged value; an engagement objective with nothing logged against it
// reads the mean engagement. Nothing known: an empty value saying so.
Suggestion suggest_objective_value(const ObjectiveEvidence& e);

// A share as a percentage with one decimal: 7 of 8 is "87.5".
std::string percent_text(int part, int whole);

}  // namespace waypoint::domain
