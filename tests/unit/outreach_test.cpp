#include <gtest/gtest.h>

#include "domain/outreach/outreach.hpp"
#include "sample_calendar.hpp"

using namespace waypoint::domain;

namespace {

std::vector<std::string> fields_of(const FieldErrors& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.field);
  return out;
}

HomeVisitInput visit(const char* on) {
  return {on, "Mum and Jay at the door", "yes", "Worried about the bus", "", "no", "Walk to the bus stop together"};
}

}  // namespace

TEST(Caseload, FiveByDefaultAndTheSixthIsRefusedByName) {
  EXPECT_EQ(kDefaultCaseloadLimit, 5);
  EXPECT_FALSE(caseload_problem("Jo Brennan", 0, 5).has_value());
  EXPECT_FALSE(caseload_problem("Jo Brennan", 4, 5).has_value());
  EXPECT_EQ(caseload_problem("Jo Brennan", 5, 5), "Jo Brennan already has 5 pupils: a caseload holds at most 5");
  EXPECT_TRUE(caseload_problem("Jo Brennan", 3, 3).has_value());  // a deployment's smaller caseload
  EXPECT_FALSE(caseload_problem("Jo Brennan", 5, 8).has_value());
}

TEST(Caseload, AnLaWorkerWorksInTheirOwnAreaAProvidersAnywhere) {
  EXPECT_FALSE(worker_area_problem(true, true).has_value());
  EXPECT_EQ(worker_area_problem(true, false), "An outreach worker from a local authority works in their own area");
  EXPECT_FALSE(worker_area_problem(false, false).has_value());  // a provider's staff, wherever it is
  EXPECT_FALSE(worker_area_problem(false, true).has_value());
}

TEST(HomeVisit, NeedsItsDayWhoWasSeenWhetherTheChildWasAndTheNextStep) {
  const auto opened = d("2026-11-16"), today = d("2026-11-30");
  EXPECT_TRUE(home_visit_problems(visit("2026-11-30"), opened, today).empty());
  EXPECT_TRUE(home_visit_problems(visit("2026-11-16"), opened, today).empty());  // the day it opened
  EXPECT_EQ(fields_of(home_visit_problems(visit("2026-11-15"), opened, today)), std::vector<std::string>{"visited_on"});
  EXPECT_EQ(fields_of(home_visit_problems(visit("2026-12-01"), opened, today)), std::vector<std::string>{"visited_on"});
  EXPECT_EQ(fields_of(home_visit_problems(visit("2026-02-30"), opened, today)), std::vector<std::string>{"visited_on"});
  EXPECT_EQ(fields_of(home_visit_problems({}, opened, today)),
            (std::vector<std::string>{"visited_on", "who_seen", "child_seen", "worry", "next_step"}));
  auto worried = visit("2026-11-30");
  worried.worry = "yes";
  EXPECT_EQ(fields_of(home_visit_problems(worried, opened, today)), std::vector<std::string>{"safety_observed"});
  worried.safety_observed = "Bruise on Jay's arm; said he fell";
  EXPECT_TRUE(home_visit_problems(worried, opened, today).empty());
}

TEST(HomeVisit, NotSeenTwiceInARowOrAWorryAlerts) {
  EXPECT_EQ(alert_after_visit({false}, false), OutreachAlert::None);  // once is not twice
  EXPECT_EQ(alert_after_visit({false, false}, false), OutreachAlert::NotSeenTwice);
  EXPECT_EQ(alert_after_visit({false, true, false}, false), OutreachAlert::None);  // not in a row
  EXPECT_EQ(alert_after_visit({true, false, false}, false), OutreachAlert::NotSeenTwice);
  EXPECT_EQ(alert_after_visit({false, false, true}, false), OutreachAlert::None);  // seen at last
  EXPECT_EQ(alert_after_visit({true}, true), OutreachAlert::SafeguardingWorry);    // seen, but a worry
  EXPECT_EQ(alert_after_visit({false, false}, true), OutreachAlert::SafeguardingWorry);
  EXPECT_EQ(outreach_alert_kind(OutreachAlert::NotSeenTwice), "outreach_not_seen");
  EXPECT_EQ(outreach_alert_kind(OutreachAlert::SafeguardingWorry), "outreach_worry");
  EXPECT_EQ(outreach_alert_kind(OutreachAlert::None), "");
}

TEST(HomeVisit, DueFiveSchoolDaysOnSoAHolidayPushesItOn) {
  const auto c = calendar();
  // Opened Monday 16 November: due Monday 23rd.
  EXPECT_EQ(next_home_visit_due(c, d("2026-11-16"), std::nullopt), d("2026-11-23"));
  // Visited Friday 11 December: the fifth school day is the last of term, Friday 18th. Visited
  // Monday 14th: four days are left in term, so the fifth is the first of the next, Tuesday 5 January.
  EXPECT_EQ(next_home_visit_due(c, d("2026-11-16"), d("2026-12-11")), d("2026-12-18"));
  EXPECT_EQ(next_home_visit_due(c, d("2026-11-16"), d("2026-12-14")), d("2027-01-05"));
  // Opened Tuesday 20 October: three days before half term, then the INSET day on 2 November does
  // not count, so Tuesday 3rd and Wednesday 4th are the fourth and fifth.
  EXPECT_EQ(next_home_visit_due(c, d("2026-10-20"), std::nullopt), d("2026-11-04"));
  // Across 29 February in a leap year.
  EXPECT_EQ(next_home_visit_due(c, d("2028-02-25"), std::nullopt), d("2028-03-03"));
  EXPECT_FALSE(home_visit_overdue(d("2026-11-23"), d("2026-11-23")));  // due today is not overdue
  EXPECT_TRUE(home_visit_overdue(d("2026-11-23"), d("2026-11-24")));
  EXPECT_FALSE(next_home_visit_due(c, d("2028-03-30"), std::nullopt).has_value());  // the calendar runs out
}

TEST(OutreachPlan, EachSessionHasAFocusADayAndAHalfDay) {
  EXPECT_TRUE(
      plan_session_problems({{"wellbeing", "", "monday", "am", ""}, {"subject", "Maths", "Wed", "pm", ""}}).empty());
  EXPECT_EQ(fields_of(plan_session_problems({{"subject", " ", "saturday", "evening", ""}})),
            (std::vector<std::string>{"subject_1", "weekday_1", "session_1"}));
  EXPECT_EQ(fields_of(plan_session_problems({{"wellbeing", "", "monday", "am", ""}, {"", "", "friday", "pm", ""}})),
            std::vector<std::string>{"focus_2"});
}

TEST(OutreachPlan, SessionsCountForAttendanceAsTheLawCodesThem) {
  EXPECT_EQ(outreach_session_code(true, "", true), "K");   // the LA arranged it
  EXPECT_EQ(outreach_session_code(true, "", false), "B");  // the school did
  EXPECT_EQ(outreach_session_code(false, "I", true), "I");
  EXPECT_EQ(outreach_session_code(false, "N", false), "N");
  EXPECT_EQ(outreach_session_code(false, "G", false), std::nullopt);  // the school's to decide
  EXPECT_EQ(outreach_session_code(false, "", true), std::nullopt);
  EXPECT_TRUE(moved_on("placement"));
  EXPECT_TRUE(moved_on("back_to_school"));
  EXPECT_FALSE(moved_on("moved_away"));
}
