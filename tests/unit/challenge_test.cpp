// A route to challenge a provider: what raising one needs, the date for the answer counted in school
// days across holidays, and where it stands as the days pass.
#include <gtest/gtest.h>

#include "domain/challenges/challenge.hpp"
#include "sample_calendar.hpp"

namespace {

using namespace waypoint::domain;

std::vector<std::string> challenge_fields(const FieldErrors& e) {
  std::vector<std::string> out;
  for (const auto& x : e) out.push_back(x.field);
  return out;
}

ChallengeInput asking(const char* by) { return {"teaching", "No maths for two weeks", "A maths tutor each day", by}; }

TEST(Challenge, ACategoryWhatHappenedWhatIsAskedAndADate) {
  EXPECT_EQ(challenge_fields(challenge_problems({}, calendar(), d("2026-11-16"))),
            (std::vector<std::string>{"category", "what_happened", "asked_for", "answer_by"}));
  auto safeguarding = asking("2026-12-01");
  safeguarding.category = "safeguarding";  // not a category: the concerns route
  EXPECT_EQ(challenge_fields(challenge_problems(safeguarding, calendar(), d("2026-11-16"))),
            std::vector<std::string>{"category"});
}

TEST(Challenge, AtLeastFiveSchoolDaysToAnswerHolidaysNotCounted) {
  // Monday 16 November: five school days on is Monday 23rd.
  EXPECT_EQ(challenge_fields(challenge_problems(asking("2026-11-20"), calendar(), d("2026-11-16"))),
            std::vector<std::string>{"answer_by"});
  EXPECT_TRUE(challenge_problems(asking("2026-11-23"), calendar(), d("2026-11-16")).empty());
  // Raised on Wednesday 16 December, two school days before the Christmas holiday: the fifth is 7 January.
  const auto near_holiday = challenge_problems(asking("2027-01-06"), calendar(), d("2026-12-16"));
  ASSERT_EQ(near_holiday.size(), 1u);
  EXPECT_EQ(near_holiday[0].message, "Give the provider at least 5 school days to answer: 7 January 2027 or later");
  EXPECT_TRUE(challenge_problems(asking("2027-01-07"), calendar(), d("2026-12-16")).empty());
  // No more than 60 days on.
  EXPECT_TRUE(challenge_problems(asking("2027-01-15"), calendar(), d("2026-11-16")).empty());
  EXPECT_EQ(challenge_fields(challenge_problems(asking("2027-01-16"), calendar(), d("2026-11-16"))),
            std::vector<std::string>{"answer_by"});
}

TEST(Challenge, TheSuggestedDateIsTenSchoolDaysOn) {
  EXPECT_EQ(format_date(suggested_answer_by(calendar(), d("2026-11-16"))), "2026-11-30");
  EXPECT_EQ(format_date(suggested_answer_by(calendar(), d("2026-12-16"))), "2027-01-14");
}

TEST(Challenge, StillOpenTheDayAfterItsDateItGoesToTheLa) {
  const ChallengeFacts waiting{d("2026-11-30")};
  EXPECT_EQ(challenge_state(waiting, d("2026-11-30")), ChallengeState::AwaitingAnswer);
  EXPECT_EQ(challenge_state(waiting, d("2026-12-01")), ChallengeState::WithLa);
  ChallengeFacts answered{d("2026-11-30"), true};
  EXPECT_EQ(challenge_state(answered, d("2026-11-25")), ChallengeState::Answered);
  EXPECT_EQ(challenge_state(answered, d("2026-12-01")), ChallengeState::WithLa) << "answered, but not resolved";
  answered.resolved = true;
  EXPECT_EQ(challenge_state(answered, d("2026-12-01")), ChallengeState::Resolved);
  ChallengeFacts referred{d("2026-11-30"), true, false, true};
  EXPECT_EQ(challenge_state(referred, d("2026-11-25")), ChallengeState::WithLa) << "sent on before the date";
  referred.settled = true;
  EXPECT_EQ(challenge_state(referred, d("2026-12-05")), ChallengeState::Settled);
}

TEST(Challenge, SettlingNeedsAnOutcomeAndWhatWasFound) {
  EXPECT_EQ(challenge_fields(settling_problems("", " ")), (std::vector<std::string>{"outcome", "note"}));
  EXPECT_TRUE(settling_problems("partly_upheld", "Tutor found").empty());
}

}  // namespace
