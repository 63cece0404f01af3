#include <gtest/gtest.h>

#include "domain/reviews/review_record.hpp"
#include "field_names.hpp"
#include "sample_calendar.hpp"

using namespace waypoint::domain;
using Fields = std::vector<std::string>;

namespace {

ReviewInput complete() {
  ReviewInput in;
  in.held_on = "2026-11-24";
  in.attendees = {"pupil", "parents", "provider"};
  in.pupil_voice = "I like the workshop mornings.";
  in.parent_voice = "He is calmer at home.";
  in.objectives = {{"87.5", "87.5", ""}, {"", "3", "Agreed at the meeting from the tutor's report"}};
  in.decision = "continue";
  in.next_review_on = "2027-01-12";
  return in;
}

ReviewFacts facts() { return {d("2026-11-24"), d("2026-09-07"), d("2027-02-12"), false, d("2026-10-13")}; }

}  // namespace

TEST(ReviewRecord, ACompleteReviewHasNoProblems) { EXPECT_TRUE(review_problems(complete(), facts()).empty()); }

TEST(ReviewRecord, HeldOnARealDayNotInTheFutureAfterTheStartAndTheLastReview) {
  auto in = complete();
  for (const char* bad : {"", "2026-02-30", "2026-11-25", "2026-09-04", "2026-10-13"}) {
    in.held_on = bad;
    EXPECT_EQ(fields(review_problems(in, facts())), Fields{"held_on"}) << bad;
  }
  in.held_on = "2026-10-14";  // the day after the last review
  EXPECT_TRUE(review_problems(in, facts()).empty());
  auto first = facts();
  first.last_held.reset();
  in.held_on = "2026-09-07";  // no review yet: the day it started will do
  EXPECT_TRUE(review_problems(in, first).empty());
}

TEST(ReviewRecord, SomeoneAttendedFromTheList) {
  auto in = complete();
  in.attendees = {};
  EXPECT_EQ(fields(review_problems(in, facts())), Fields{"attendees"});
  in.attendees = {"pupil", "neighbour"};
  EXPECT_EQ(fields(review_problems(in, facts())), Fields{"attendees"});
}

TEST(ReviewRecord, TheLocalAuthorityIsInvitedForAPupilWithAnEhcPlan) {
  auto f = facts();
  f.pupil_has_ehc_plan = true;
  auto in = complete();
  EXPECT_EQ(fields(review_problems(in, f)), Fields{"la_invited_on"});
  in.la_invited_on = "2026-11-25";  // after the review
  EXPECT_EQ(fields(review_problems(in, f)), Fields{"la_invited_on"});
  in.la_invited_on = "2026-11-24";  // the same day counts
  EXPECT_TRUE(review_problems(in, f).empty());
  in.la_invited_on = "";
  EXPECT_TRUE(review_problems(in, facts()).empty());  // no EHC plan: not asked
}

TEST(ReviewRecord, BothVoicesAreHeard) {
  auto in = complete();
  in.pupil_voice = "";
  in.parent_voice = "";
  EXPECT_EQ(fields(review_problems(in, facts())), (Fields{"pupil_voice", "parent_voice"}));
}

TEST(ReviewRecord, AValueThatDiffersFromTheEvidenceNeedsAReason) {
  auto in = complete();
  in.objectives[0].value = "90";
  EXPECT_EQ(fields(review_problems(in, facts())), Fields{"objective_1_change_reason"});
  in.objectives[0].change_reason = "Two sessions were at the home school";
  EXPECT_TRUE(review_problems(in, facts()).empty());
  in.objectives[1].value = "";
  EXPECT_EQ(fields(review_problems(in, facts())), Fields{"objective_2_value"});
}

TEST(ReviewRecord, EachDecisionAsksForWhatItNeeds) {
  auto in = complete();
  in.decision = "";
  EXPECT_EQ(fields(review_problems(in, facts())), Fields{"decision"});
  in.decision = "amend_plan";
  EXPECT_EQ(fields(review_problems(in, facts())), Fields{"decision_notes"});
  in.decision = "extend";
  EXPECT_EQ(fields(review_problems(in, facts())), Fields{"extended_to"});
  in.extended_to = "2027-02-12";  // the current end: not an extension
  EXPECT_EQ(fields(review_problems(in, facts())), Fields{"extended_to"});
  in.extended_to = "2027-02-13";
  EXPECT_TRUE(review_problems(in, facts()).empty());
  // Ending the placement needs no next review; anything else does, after this one.
  in = complete();
  in.next_review_on = "";
  EXPECT_EQ(fields(review_problems(in, facts())), Fields{"next_review_on"});
  in.next_review_on = "2026-11-24";
  EXPECT_EQ(fields(review_problems(in, facts())), Fields{"next_review_on"});
  in.decision = "start_reintegration";
  EXPECT_EQ(fields(review_problems(in, facts())), Fields{"next_review_on"});
  in.decision = "end_placement";
  EXPECT_TRUE(review_problems(in, facts()).empty());
}

TEST(ReviewRecord, AnAttendanceObjectiveReadsTheRegister) {
  ObjectiveEvidence e{"attendance", "70", d("2026-11-20"), {}, 3.5, d("2026-10-13")};
  e.attendance.possible = 48;
  e.attendance.attended = 41;  // 85.416...
  const auto s = suggest_objective_value(e);
  EXPECT_EQ(s.value, "85.4");
  EXPECT_EQ(s.from, "attendance since 13 October 2026: 41 of 48 sessions");
  e.attendance = {};  // no sessions possible: the log stands in
  EXPECT_EQ(suggest_objective_value(e).value, "70");
}

TEST(ReviewRecord, OtherObjectivesReadTheLatestLogAndEngagementFallsBackToTheMean) {
  ObjectiveEvidence e{"maths", "4", d("2026-11-20"), {}, 3.25, d("2026-10-13")};
  EXPECT_EQ(suggest_objective_value(e).value, "4");
  EXPECT_EQ(suggest_objective_value(e).from, "the provider's log of 20 November 2026");
  e.latest_logged.reset();
  EXPECT_EQ(suggest_objective_value(e).value, "");
  EXPECT_EQ(suggest_objective_value(e).from, "nothing logged since 13 October 2026");
  e.area = "engagement";
  EXPECT_EQ(suggest_objective_value(e).value, "3.3");  // 3.25 rounds half up
  e.engagement_mean.reset();
  EXPECT_EQ(suggest_objective_value(e).value, "");
}

TEST(ReviewRecord, ARequestComesFromAParentOrForAnEhcPlanTheLocalAuthority) {
  EXPECT_TRUE(request_problems("parent", "Mrs Khan", "2026-11-24", d("2026-11-24"), false).empty());
  EXPECT_EQ(fields(request_problems("local_authority", "SEN team", "2026-11-20", d("2026-11-24"), false)),
            Fields{"requested_by"});
  EXPECT_TRUE(request_problems("local_authority", "SEN team", "2026-11-20", d("2026-11-24"), true).empty());
  EXPECT_EQ(fields(request_problems("uncle", "", "2026-11-25", d("2026-11-24"), false)),
            (Fields{"requested_by", "requester_name", "requested_on"}));
  EXPECT_EQ(fields(request_problems("parent", "Mrs Khan", "24/11/2026", d("2026-11-24"), false)),
            Fields{"requested_on"});
}

TEST(ReviewRecord, PercentagesToOneDecimal) {
  EXPECT_EQ(percent_text(7, 8), "87.5");
  EXPECT_EQ(percent_text(1, 3), "33.3");
  EXPECT_EQ(percent_text(2, 3), "66.7");
  EXPECT_EQ(percent_text(5, 5), "100.0");
  EXPECT_EQ(percent_text(0, 0), "");
}
