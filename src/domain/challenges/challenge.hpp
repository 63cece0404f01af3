#pragma once
// A route to challenge a provider: a school (or a parent, about their child's placement) says what
// happened and what it asks for, with a date for the answer; the provider answers; the one who raised
// it settles it, or it goes to the LA when it is still open on the day after that date (or sooner,
// if the one who raised it sends it on). The LA records the outcome, which is the provider's quality
// record. Safeguarding matters go to the concerns route instead. Pure rules.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/calendar/school_calendar.hpp"
#include "domain/kernel/code_label.hpp"
#include "domain/kernel/field_error.hpp"

namespace waypoint::domain {

// attendance_not_reported, teaching, safety, communication, cost, other.
const std::vector<CodeLabel>& challenge_categories();
// upheld, partly_upheld, not_upheld: what the LA found.
const std::vector<CodeLabel>& challenge_outcomes();

// The provider has at least this many school days to answer; the form suggests twice as many.
inline constexpr int kChallengeMinSchoolDays = 5;
inline constexpr int kChallengeSuggestedSchoolDays = 10;
inline constexpr int kChallengeMaxDays = 60;

struct ChallengeInput {
  std::string category;
  std::string what_happened;
  std::string asked_for;
  std::string answer_by;  // YYYY-MM-DD
};

// A listed category; what happened and what is asked for; an answer date at least
// kChallengeMinSchoolDays school days away (holidays do not count) and within kChallengeMaxDays.
FieldErrors challenge_problems(const ChallengeInput& in, const SchoolCalendar& calendar, Date today);
// The date the form suggests: kChallengeSuggestedSchoolDays school days on (or 14 days, past the calendar).
Date suggested_answer_by(const SchoolCalendar& calendar, Date today);

enum class ChallengeState { AwaitingAnswer, Answered, Resolved, WithLa, Settled };
struct ChallengeFacts {
  Date answer_by;
  bool answered = false;
  bool resolved = false;  // the one who raised it is satisfied
  bool referred = false;  // they sent it on to the LA before the date
  bool settled = false;   // the LA recorded its outcome
};
ChallengeState challenge_state(const ChallengeFacts& f, Date today);
std::string_view challenge_state_label(ChallengeState s);

// What settling needs: a listed outcome and what the LA found.
FieldErrors settling_problems(std::string_view outcome, std::string_view note);

}  // namespace waypoint::domain
