#include <gtest/gtest.h>

#include "field_names.hpp"

#include "domain/placements/plan.hpp"

using namespace waypoint::domain;

namespace {

Objective attendance() {
  return {"attendance", "Attend every timetabled session", "62%", "2026-11-02", "School register, autumn 1",
          "90%",        "Attendance in AP and school",     "%",   "2027-02-12", "Key worker"};
}

}  // namespace

TEST(Plan, BlankObjectiveRowsAreIgnoredAndOthersMustBeComplete) {
  Plan p;
  p.objectives = {attendance(), Objective{}, attendance()};
  EXPECT_TRUE(plan_problems(p).empty());
  p.objectives[2].area = "wellbeing";
  p.objectives[2].target_date = "2026-11-02";  // the same day as the baseline
  EXPECT_EQ(fields(plan_problems(p)), (std::vector<std::string>{"objective_3_area", "objective_3_target_date"}));
  p.objectives[2].baseline_date = "2027-02-29";  // not a leap year
  EXPECT_EQ(fields(plan_problems(p))[1], "objective_3_baseline_date");
}

TEST(Plan, AgreeingNeedsObjectivesMonitoringFitViewsAndTheEhcLinkWhenThereIsOne) {
  Plan p;
  EXPECT_EQ(fields(agreement_problems(p, true)),
            (std::vector<std::string>{"objective_1_area", "monitoring", "curriculum_fit", "ehc_outcomes", "pupil_views",
                                      "parent_views"}));
  p.objectives = {attendance()};
  p.monitoring = "Weekly attendance and engagement logs; review every 6 weeks";
  p.curriculum_fit = "GCSE English and maths continue at the provider";
  p.pupil_views = "Wants smaller classes";
  p.parent_views = "Supportive";
  EXPECT_TRUE(agreement_problems(p, false).empty());
  EXPECT_EQ(fields(agreement_problems(p, true)), std::vector<std::string>{"ehc_outcomes"});
}
