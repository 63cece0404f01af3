#include <gtest/gtest.h>

#include "domain/reintegration/reintegration.hpp"
#include "field_names.hpp"
#include "sample_calendar.hpp"

using namespace waypoint::domain;
using Fields = std::vector<std::string>;

namespace {

ReintegrationInput plan() {
  ReintegrationInput in;
  in.criteria = {{"1", "Attends 90% of sessions for four weeks running"},
                 {"2", "Uses the exit card instead of leaving"}};
  in.steps = {{"2027-01-11", {1}}, {"2027-01-25", {1, 2, 3}}, {"2027-02-08", {1, 2, 3, 4, 5}}};
  in.key_adult = "Mr Jones, head of year";
  in.responsibilities = "Bridgeway shares the behaviour plan; the school meets Aisha at the gate";
  return in;
}

}  // namespace

TEST(Reintegration, ACompletePlanHasNoProblems) {
  EXPECT_TRUE(reintegration_problems(plan(), 2, d("2026-10-15")).empty());
}

TEST(Reintegration, CriteriaAreTiedToTheObjectives) {
  auto in = plan();
  in.criteria[0].objective = "3";  // the plan has two
  in.criteria[1].criterion = "";
  EXPECT_EQ(fields(reintegration_problems(in, 2, d("2026-10-15"))),
            (Fields{"criterion_1_objective", "criterion_2_text"}));
  in.criteria[0].objective = "";
  in.criteria[1].criterion = "Calm";
  EXPECT_TRUE(reintegration_problems(in, 0, d("2026-10-15")).empty()) << "no objectives yet: nothing to tie to";
  in.criteria.clear();
  EXPECT_EQ(fields(reintegration_problems(in, 2, d("2026-10-15"))), Fields{"criteria"});
}

TEST(Reintegration, StepsMoveForwardInTimeAndDaysAndEndWithEveryDayAtSchool) {
  auto in = plan();
  in.steps[1].starts_on = "2027-01-11";  // the same day as the step before
  EXPECT_EQ(fields(reintegration_problems(in, 2, d("2026-10-15"))), Fields{"step_2_starts_on"});
  in = plan();
  in.steps[1].days_at_school = {};  // fewer days than step 1
  EXPECT_EQ(fields(reintegration_problems(in, 2, d("2026-10-15"))), Fields{"step_2_days"});
  in = plan();
  in.steps[2].days_at_school = {1, 2, 3, 4};
  EXPECT_EQ(fields(reintegration_problems(in, 2, d("2026-10-15"))), Fields{"step_3_days"});
  in = plan();
  in.steps[0].days_at_school = {6};
  in.steps[0].starts_on = "2026-10-14";  // before the placement started
  EXPECT_EQ(fields(reintegration_problems(in, 2, d("2026-10-15"))), (Fields{"step_1_starts_on", "step_1_days"}));
  in = plan();
  in.steps = {{"2028-02-29", {1, 2, 3, 4, 5}}};  // straight back, on a leap day
  EXPECT_TRUE(reintegration_problems(in, 2, d("2026-10-15")).empty());
  in.steps.clear();
  in.key_adult = "";
  in.responsibilities = "";
  EXPECT_EQ(fields(reintegration_problems(in, 2, d("2026-10-15"))), (Fields{"steps", "key_adult", "responsibilities"}));
}

TEST(Reintegration, AStepPutsItsDaysAtSchoolAndTheRestAtTheProvider) {
  using std::chrono::weekday;
  const std::vector<TimetableSlot> week{{weekday{1}, 525, 915, "provider", 5},
                                        {weekday{2}, 525, 915, "provider", 5},
                                        {weekday{5}, 525, 720, "home_school", std::nullopt},
                                        {weekday{5}, 780, 915, "online", 7}};
  const auto step = week_for_step(week, {1}, 5);
  ASSERT_EQ(step.size(), 4u);
  EXPECT_EQ(step[0].setting, "home_school");
  EXPECT_FALSE(step[0].provider_id.has_value());
  EXPECT_EQ(step[1].setting, "provider");
  EXPECT_EQ(step[2].setting, "provider");  // Friday at school moves to the provider
  EXPECT_EQ(step[2].provider_id, 5);
  EXPECT_EQ(step[3].setting, "online");  // other settings stay
  // The minutes stay: the week is as long as it was.
  EXPECT_EQ(timetable_totals(step).minutes, timetable_totals(week).minutes);
  EXPECT_EQ(timetable_totals(step).by_setting.at("home_school"), 390);
  EXPECT_EQ(days_text({3, 1, 2}), "Monday, Tuesday and Wednesday");
  EXPECT_EQ(days_text({5}), "Friday");
  EXPECT_EQ(days_text({5, 4, 3, 2, 1}), "Monday to Friday");
  EXPECT_EQ(days_text({}), "no days");
}

TEST(PlacementEnd, ADestinationAndBothViewsUnlessItNeverStarted) {
  PlacementEnding e{"2026-11-24", "reintegrated", "home_school", "I am ready", "Relieved"};
  EXPECT_TRUE(ending_problems(e, d("2026-11-24")).empty());
  e = {"2026-11-25", "", "abroad", "", ""};
  EXPECT_EQ(fields(ending_problems(e, d("2026-11-24"))),
            (Fields{"ended_on", "end_reason", "destination", "pupil_assessment", "parent_view"}));
  e = {"2026-11-20", "cancelled", "", "", ""};
  EXPECT_TRUE(ending_problems(e, d("2026-11-24")).empty());
  EXPECT_TRUE(is_reintegration("home_school"));
  EXPECT_TRUE(is_reintegration("mainstream"));
  EXPECT_FALSE(is_reintegration("another_ap"));
  EXPECT_FALSE(is_reintegration("special_school"));
}

TEST(FollowUp, AttendanceSuspensionsEngagementAndWhetherItHolds) {
  const FollowUpInput ok{"2027-02-22", "96.5", "0", "4", "yes", ""};
  EXPECT_TRUE(follow_up_problems(ok, d("2027-02-22"), d("2027-02-08")).empty());
  const FollowUpInput bad{"2027-02-07", "101", "one", "6", "maybe", ""};
  EXPECT_EQ(fields(follow_up_problems(bad, d("2027-02-22"), d("2027-02-08"))),
            (Fields{"checked_on", "attendance_percent", "suspensions", "engagement", "holding"}));
  FollowUpInput slipping{"2027-02-22", "70", "1", "2", "no", ""};
  EXPECT_EQ(fields(follow_up_problems(slipping, d("2027-02-22"), d("2027-02-08"))), Fields{"notes"});
  slipping.notes = "Mornings are hard; a later start agreed";
  EXPECT_TRUE(follow_up_problems(slipping, d("2027-02-22"), d("2027-02-08")).empty());
  EXPECT_EQ(fields(follow_up_problems({"2027-02-23", "100", "0", "5", "yes", ""}, d("2027-02-22"), d("2027-02-08"))),
            Fields{"checked_on"});
}

TEST(Reintegration, AStepGoesIntoTheTimetableFromItsFirstDayOnceAndInOrder) {
  const std::vector<PlannedStep> steps{
      {d("2027-01-11"), 2, false}, {d("2027-01-25"), 3, false}, {d("2027-02-08"), 5, false}};
  EXPECT_EQ(steps_ready(steps, d("2027-01-10")), (std::vector<bool>{false, false, false}));  // the day before
  EXPECT_EQ(steps_ready(steps, d("2027-01-11")), (std::vector<bool>{true, false, false}));   // its first day
  EXPECT_EQ(steps_ready(steps, d("2027-02-08")), (std::vector<bool>{true, true, true}));
  auto later = steps;
  later[1].in_timetable = true;  // step 2 is in: step 1 is passed, step 2 is done
  EXPECT_EQ(steps_ready(later, d("2027-02-08")), (std::vector<bool>{false, false, true}));
  EXPECT_FALSE(full_return(later).has_value());
  later[2].in_timetable = true;
  EXPECT_EQ(format_date(*full_return(later)), "2027-02-08");
  later[2].days_at_school = 4;  // not every day: not a full return
  EXPECT_FALSE(full_return(later).has_value());
  EXPECT_TRUE(steps_ready({}, d("2027-01-11")).empty());
}
