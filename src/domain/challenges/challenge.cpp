#include "domain/challenges/challenge.hpp"

#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/text.hpp"

namespace waypoint::domain {

using std::chrono::days;
using std::chrono::sys_days;

const std::vector<CodeLabel>& challenge_categories() {
  static const std::vector<CodeLabel> list{{"attendance_not_reported", "Attendance not reported"},
                                           {"teaching", "Teaching and learning"},
                                           {"safety", "Safety of the site or activities"},
                                           {"communication", "Communication"},
                                           {"cost", "Cost or invoices"},
                                           {"other", "Something else"}};
  return list;
}

const std::vector<CodeLabel>& challenge_outcomes() {
  static const std::vector<CodeLabel> list{
      {"upheld", "Upheld"}, {"partly_upheld", "Partly upheld"}, {"not_upheld", "Not upheld"}};
  return list;
}

FieldErrors challenge_problems(const ChallengeInput& in, const SchoolCalendar& calendar, Date today) {
  FieldErrors e;
  if (!in_list(challenge_categories(), in.category)) e.push_back({"category", "Select what the challenge is about"});
  if (trimmed(in.what_happened).empty()) e.push_back({"what_happened", "Enter what happened"});
  if (trimmed(in.asked_for).empty()) e.push_back({"asked_for", "Enter what you are asking the provider to do"});
  const auto by = parse_date(in.answer_by);
  const auto earliest = add_school_days(calendar, today, kChallengeMinSchoolDays)
                            .value_or(Date{sys_days(today) + days(kChallengeMinSchoolDays)});
  if (!by)
    e.push_back({"answer_by", "Enter the date you need an answer by as a real date"});
  else if (sys_days(*by) < sys_days(earliest))
    e.push_back({"answer_by", "Give the provider at least " + std::to_string(kChallengeMinSchoolDays) +
                                  " school days to answer: " + date_text(earliest) + " or later"});
  else if (sys_days(*by) > sys_days(today) + days(kChallengeMaxDays))
    e.push_back({"answer_by", "The date for the answer must be within " + std::to_string(kChallengeMaxDays) + " days"});
  return e;
}

Date suggested_answer_by(const SchoolCalendar& calendar, Date today) {
  const auto by = add_school_days(calendar, today, kChallengeSuggestedSchoolDays);
  if (by && sys_days(*by) <= sys_days(today) + days(kChallengeMaxDays)) return *by;
  return Date{sys_days(today) + days(14)};
}

ChallengeState challenge_state(const ChallengeFacts& f, Date today) {
  if (f.settled) return ChallengeState::Settled;
  if (f.resolved) return ChallengeState::Resolved;
  if (f.referred || sys_days(today) > sys_days(f.answer_by)) return ChallengeState::WithLa;
  return f.answered ? ChallengeState::Answered : ChallengeState::AwaitingAnswer;
}

std::string_view challenge_state_label(ChallengeState s) {
  switch (s) {
    case ChallengeState::AwaitingAnswer:
      return "Waiting for the provider";
    case ChallengeState::Answered:
      return "Answered";
    case ChallengeState::Resolved:
      return "Resolved";
    case ChallengeState::WithLa:
      return "With the local authority";
    case ChallengeState::Settled:
      return "Settled by the local authority";
  }
  return "";
}

FieldErrors settling_problems(std::string_view outcome, std::string_view note) {
  FieldErrors e;
  if (!in_list(challenge_outcomes(), outcome)) e.push_back({"outcome", "Select what the local authority found"});
  if (trimmed(note).empty()) e.push_back({"note", "Enter what the local authority found and what happens now"});
  return e;
}

}  // namespace waypoint::domain
