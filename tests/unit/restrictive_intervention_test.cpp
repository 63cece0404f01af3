// Restrictive interventions: the statutory items a record needs, and the LA's monthly trend.
#include <gtest/gtest.h>

#include "domain/interventions/restrictive_intervention.hpp"
#include "sample_calendar.hpp"

namespace {

using namespace waypoint::domain;

InterventionInput complete_intervention() {
  return {"2026-12-01",         "13:45", "Workshop",         "Ms Ward", "An argument", "Calm talk",
          "physical_restraint", "4",     "injury_to_others", "",        "None",        "Talked it through"};
}

std::vector<std::string> intervention_fields(const FieldErrors& e) {
  std::vector<std::string> out;
  for (const auto& x : e) out.push_back(x.field);
  return out;
}

TEST(RestrictiveIntervention, ACompleteRecordPasses) {
  EXPECT_TRUE(intervention_problems(complete_intervention(), d("2026-12-01")).empty());
}

TEST(RestrictiveIntervention, EachStatutoryItemIsNamedWhenMissing) {
  const auto e = intervention_problems({}, d("2026-12-01"));
  EXPECT_EQ(intervention_fields(e),
            (std::vector<std::string>{"date", "time", "place", "staff", "led_up_to", "de_escalation", "kind", "minutes",
                                      "reason", "injuries", "support_afterwards"}));
}

TEST(RestrictiveIntervention, TheDateIsTodayOrWithinTheLastYear) {
  auto in = complete_intervention();
  in.date = "2026-12-02";
  EXPECT_EQ(intervention_fields(intervention_problems(in, d("2026-12-01"))), std::vector<std::string>{"date"});
  in.date = "2025-11-30";  // 366 days before: still within the year
  EXPECT_TRUE(intervention_problems(in, d("2026-12-01")).empty());
  in.date = "2025-11-29";
  EXPECT_EQ(intervention_fields(intervention_problems(in, d("2026-12-01"))), std::vector<std::string>{"date"});
  in.date = "2027-02-29";  // no such day
  EXPECT_EQ(intervention_problems(in, d("2027-03-01"))[0].message, "Enter the date it happened as a real date");
  in.date = "2028-02-29";  // a leap day is a day
  EXPECT_TRUE(intervention_problems(in, d("2028-02-29")).empty());
}

TEST(RestrictiveIntervention, TheLengthIsOneToTwoHundredAndFortyWholeMinutes) {
  for (const char* ok : {"1", "240"}) {
    auto in = complete_intervention();
    in.minutes = ok;
    EXPECT_TRUE(intervention_problems(in, d("2026-12-01")).empty()) << ok;
  }
  for (const char* bad : {"0", "241", "2.5", "ten", "-3"}) {
    auto in = complete_intervention();
    in.minutes = bad;
    EXPECT_EQ(intervention_fields(intervention_problems(in, d("2026-12-01"))), std::vector<std::string>{"minutes"})
        << bad;
  }
}

TEST(RestrictiveIntervention, TrendMonthsRunBackAcrossTheNewYear) {
  EXPECT_EQ(trend_months(d("2027-02-10"), 6),
            (std::vector<std::string>{"2026-09", "2026-10", "2026-11", "2026-12", "2027-01", "2027-02"}));
  EXPECT_EQ(trend_months(d("2026-12-31"), 1), std::vector<std::string>{"2026-12"});
}

TEST(RestrictiveIntervention, TheTrendCountsEachRecorderByMonthBusiestFirst) {
  const std::vector<std::string> months{"2026-11", "2026-12"};
  const auto t = intervention_trend({{"Bridgeway", "2026-11", 1},
                                     {"Oakfield", "2026-12", 1},
                                     {"Bridgeway", "2026-12", 3},
                                     {"Bridgeway", "2026-05", 9}},  // outside the months: left out
                                    months);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].provider, "Bridgeway");
  EXPECT_EQ(t[0].counts, (std::vector<int>{1, 3}));
  EXPECT_EQ(t[0].total, 4);
  EXPECT_EQ(t[1].provider, "Oakfield");
  EXPECT_EQ(t[1].counts, (std::vector<int>{0, 1}));
}

}  // namespace
