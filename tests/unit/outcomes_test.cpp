#include <gtest/gtest.h>

#include "domain/outcomes/outcomes.hpp"
#include "sample_calendar.hpp"

using namespace waypoint::domain;
using Ids = std::vector<std::int64_t>;

namespace {

AttendanceSummary sessions(int attended, int possible) {
  AttendanceSummary s;
  s.attended = attended;
  s.possible = possible;
  return s;
}

// Seven placements worked out by hand for the year from 1 September 2026.
std::vector<PlacementOutcome> cohort() {
  return {
      {1, d("2026-09-07"), d("2026-12-18"), "reintegrated", "home_school", 62.0, sessions(40, 50), 95.0, 3, 0, true},
      {2, d("2026-10-05"), d("2027-01-29"), "reintegrated", "mainstream", 50.0, sessions(30, 40), 80.0, 1, 2, false},
      {3, d("2026-11-02"), d("2027-03-26"), "moved_on", "another_ap", std::nullopt, sessions(20, 40), std::nullopt,
       std::nullopt, std::nullopt, std::nullopt},
      {4,
       d("2026-06-01"),
       d("2026-10-16"),
       "not_working",
       "neet",
       30.0,
       {},
       std::nullopt,
       std::nullopt,
       std::nullopt,
       std::nullopt},
      {5, d("2027-01-11"), std::nullopt, "", "", std::nullopt, sessions(10, 10), std::nullopt, std::nullopt,
       std::nullopt, std::nullopt},
      {6,
       d("2026-09-14"),
       d("2026-09-14"),
       "cancelled",
       "",
       std::nullopt,
       {},
       std::nullopt,
       std::nullopt,
       std::nullopt,
       std::nullopt},
      {7, d("2025-09-01"), d("2026-07-20"), "reintegrated", "home_school", 10.0, sessions(1, 2), 99.0, 0, 0, true},
  };
}

const Figure& figure(const std::vector<Figure>& all, const std::string& key) {
  for (const auto& f : all)
    if (f.key == key) return f;
  throw std::runtime_error("no figure " + key);
}

}  // namespace

TEST(Outcomes, AHandComputedCohort) {
  const auto all = outcome_figures(cohort(), d("2026-09-01"), d("2027-08-31"));
  // Started in the year: 1, 2, 3 and 5 (4 started before it; 6 was cancelled).
  EXPECT_EQ(figure(all, "started").value, "4");
  EXPECT_EQ(figure(all, "started").placement_ids, (Ids{1, 2, 3, 5}));
  // Ended in the year: 1, 2, 3 and 4, after 102, 116, 144 and 137 days: the median is 126.5 days.
  EXPECT_EQ(figure(all, "ended").placement_ids, (Ids{1, 2, 3, 4}));
  EXPECT_EQ(figure(all, "median_length").value, "18.1 weeks");
  EXPECT_EQ(figure(all, "reintegrated").value, "2 of 4 (50.0%)");
  EXPECT_EQ(figure(all, "reintegrated").placement_ids, (Ids{1, 2}));
  EXPECT_EQ(figure(all, "holding_12_weeks").value, "1 of 2 (50.0%)");
  EXPECT_EQ(figure(all, "holding_12_weeks").placement_ids, Ids{1});
  // Before: (62 + 50 + 30) / 3. During: 90 of 130 sessions. After, of those back: (95 + 80) / 2.
  EXPECT_EQ(figure(all, "attendance_before").value, "47.3% (3 pupils)");
  EXPECT_EQ(figure(all, "attendance_during").value, "69.2% (90 of 130 sessions)");
  EXPECT_EQ(figure(all, "attendance_during").placement_ids, (Ids{1, 2, 3}));
  EXPECT_EQ(figure(all, "attendance_after").value, "87.5% (2 pupils)");
  EXPECT_DOUBLE_EQ(*figure(all, "attendance_during").amount, 100.0 * 90 / 130);
  EXPECT_DOUBLE_EQ(*figure(all, "attendance_after").amount, 87.5);
  EXPECT_DOUBLE_EQ(*figure(all, "reintegrated").amount, 50);
  EXPECT_EQ(figure(all, "suspensions_before").value, "4 (2 pupils)");
  EXPECT_EQ(figure(all, "suspensions_after").value, "2 (2 pupils)");
  std::vector<std::string> destinations;
  for (const auto& f : all)
    if (f.key.rfind("destination_", 0) == 0) destinations.push_back(f.key + "=" + f.value);
  EXPECT_EQ(destinations, (std::vector<std::string>{"destination_home_school=1", "destination_mainstream=1",
                                                    "destination_another_ap=1", "destination_neet=1"}));
}

TEST(Outcomes, AnEmptyPeriodSaysSoRatherThanDividingByNothing) {
  const auto all = outcome_figures(cohort(), d("2028-09-01"), d("2029-08-31"));
  EXPECT_EQ(figure(all, "started").value, "0");
  EXPECT_EQ(figure(all, "ended").value, "0");
  EXPECT_EQ(figure(all, "median_length").value, "None to count");
  EXPECT_EQ(figure(all, "reintegrated").value, "None to count");
  EXPECT_EQ(figure(all, "attendance_during").value, "Not known");
  EXPECT_FALSE(figure(all, "attendance_during").amount.has_value());
  EXPECT_EQ(all.size(), 10u) << "no destinations without pupils";
}

TEST(Outcomes, ThePeriodIncludesBothEnds) {
  const auto all = outcome_figures(cohort(), d("2026-12-18"), d("2027-01-29"));
  EXPECT_EQ(figure(all, "ended").placement_ids, (Ids{1, 2}));
  EXPECT_EQ(figure(all, "started").placement_ids, Ids{5});
}

TEST(Outcomes, MediansAndTheAcademicYear) {
  EXPECT_EQ(median({3, 1, 2}), 2);
  EXPECT_EQ(median({4, 1, 3, 2}), 2.5);
  EXPECT_FALSE(median({}).has_value());
  EXPECT_EQ(format_date(academic_year_start(d("2026-08-31"))), "2025-09-01");
  EXPECT_EQ(format_date(academic_year_start(d("2026-09-01"))), "2026-09-01");
  EXPECT_EQ(format_date(academic_year_start(d("2028-02-29"))), "2027-09-01");
}
