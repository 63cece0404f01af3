// Data rights: the one-month clock for a copy of the record, the 30-day acknowledgement of a
// complaint, and what each step needs.
#include <gtest/gtest.h>

#include "domain/families/data_rights.hpp"
#include "domain/families/redaction.hpp"
#include "sample_calendar.hpp"

namespace {

using namespace waypoint::domain;

TEST(DataRights, AMonthIsTheSameDayNextMonthOrTheLastDayOfAShorterOne) {
  EXPECT_EQ(months_after(d("2026-12-01"), 1), d("2027-01-01"));
  EXPECT_EQ(months_after(d("2027-01-31"), 1), d("2027-02-28"));
  EXPECT_EQ(months_after(d("2028-01-31"), 1), d("2028-02-29"));  // a leap year
  EXPECT_EQ(months_after(d("2026-11-30"), 3), d("2027-02-28"));
  EXPECT_EQ(months_after(d("2026-10-31"), 1), d("2026-11-30"));
}

TEST(DataRights, ACopyIsDueInAMonthOrThreeWhenExtendedAComplaintIsAcknowledgedIn30Days) {
  EXPECT_EQ(data_request_due("access", d("2026-12-01"), false, false), d("2027-01-01"));
  EXPECT_EQ(data_request_due("access", d("2026-12-01"), true, false), d("2027-03-01"));
  EXPECT_EQ(data_request_due("complaint", d("2026-12-01"), false, false), d("2026-12-31"));
  EXPECT_EQ(data_request_due("complaint", d("2027-02-01"), false, false), d("2027-03-03"));
  EXPECT_FALSE(data_request_due("complaint", d("2026-12-01"), false, true));  // acknowledged: no clock
}

TEST(DataRights, TheClockReadsAsPeopleSayIt) {
  EXPECT_EQ(clock_text(d("2026-12-31"), d("2026-12-01")), "30 days left");
  EXPECT_EQ(clock_text(d("2026-12-02"), d("2026-12-01")), "1 day left");
  EXPECT_EQ(clock_text(d("2026-12-01"), d("2026-12-01")), "Due today");
  EXPECT_EQ(clock_text(d("2026-11-30"), d("2026-12-01")), "1 day overdue");
  EXPECT_EQ(clock_text(d("2026-11-01"), d("2026-12-01")), "30 days overdue");
}

TEST(DataRights, EachStepNeedsWhatItNeeds) {
  EXPECT_TRUE(data_request_problems("access", "").empty());
  EXPECT_EQ(data_request_problems("complaint", "")[0].field, "details");
  EXPECT_EQ(data_request_problems("", "x")[0].field, "kind");
  EXPECT_TRUE(extension_problems("access", false, "Many records from three providers").empty());
  EXPECT_EQ(extension_problems("access", true, "Again").size(), 1u);
  EXPECT_EQ(extension_problems("access", false, "").size(), 1u);
  EXPECT_EQ(extension_problems("complaint", false, "Busy").size(), 1u);
  EXPECT_TRUE(closing_problems("complaint", "partly_upheld", "We corrected the address").empty());
  EXPECT_EQ(closing_problems("complaint", "", "x")[0].field, "outcome");
  EXPECT_EQ(closing_problems("access", "", "")[0].field, "summary");
  EXPECT_TRUE(closing_problems("access", "", "The whole record, with one social worker's name removed").empty());
}

}  // namespace

namespace {

using waypoint::domain::withhold_names;

TEST(Withholding, EveryMentionGoesAndTheLongestNameFirst) {
  EXPECT_EQ(withhold_names("Contact: Sam Hughes (Father), phone Sam", {"Sam", "Sam Hughes"}),
            "Contact: [name withheld] (Father), phone [name withheld]");
  EXPECT_EQ(withhold_names("Seen by Dana Hughes and Dana Hughes again", {"Dana Hughes"}),
            "Seen by [name withheld] and [name withheld] again");
  EXPECT_EQ(withhold_names("Nobody here", {}), "Nobody here");
  EXPECT_EQ(withhold_names("An empty name changes nothing", {""}), "An empty name changes nothing");
  EXPECT_EQ(withhold_names("Ștefan Popescu and محمد", {"محمد", "Ștefan Popescu"}),
            "[name withheld] and [name withheld]");
}

TEST(Withholding, OnlyPeopleTheCopyNames) {
  EXPECT_TRUE(waypoint::domain::withholding_problems({"Sam Hughes"}, {"Sam Hughes", "Jo Brennan"}).empty());
  EXPECT_TRUE(waypoint::domain::withholding_problems({}, {"Sam Hughes"}).empty());
  const auto e = waypoint::domain::withholding_problems({"Somebody Else"}, {"Sam Hughes"});
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].field, "withheld");
}

}  // namespace
