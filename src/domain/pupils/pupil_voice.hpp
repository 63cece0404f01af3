#pragma once
// The pupil's own voice: each half term, how it is going in their words (how they feel there, what
// helps, what does not, what they want next, whether they want to go back to school). The school
// records what a pupil tells them; the next review shows it beside the adults' views.
#include <chrono>
#include <string>
#include <vector>

#include "domain/kernel/code_label.hpp"
#include "domain/kernel/field_error.hpp"

namespace waypoint::domain {

const std::vector<CodeLabel>& voice_feelings();        // really_good ... really_bad
const std::vector<CodeLabel>& voice_back_to_school();  // yes, not_yet, no, not_sure
// How the words reached Waypoint: told to staff, written by the pupil on paper, or typed by the
// pupil in Waypoint.
const std::vector<CodeLabel>& voice_ways();

struct PupilVoiceInput {
  std::string answered_on;  // YYYY-MM-DD
  std::string feeling;
  std::string helps;
  std::string does_not_help;
  std::string wants_next;
  std::string back_to_school;
  std::string how;
};

// A feeling and the answer about school are needed (the rest is as much as the pupil wanted to say);
// the day no later than today and within the last year; the way one the school may record (not
// "in Waypoint", which is the pupil's own).
FieldErrors pupil_voice_problems(const PupilVoiceInput& in, std::chrono::year_month_day today);

// The pupil answering for themselves in their own account: said today, "in Waypoint", and asked of
// them in their own words ("how you feel"), with the same two answers needed.
PupilVoiceInput own_answers(PupilVoiceInput in, std::chrono::year_month_day today);
FieldErrors own_voice_problems(const PupilVoiceInput& in);

}  // namespace waypoint::domain
