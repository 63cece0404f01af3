#include <gtest/gtest.h>

#include "web/kernel/date_input.hpp"

using namespace waypoint::web;
using namespace std::chrono;

TEST(DateInput, BoxesJoinIntoAnIsoDateWithLeadingZeros) {
  EXPECT_EQ(join_date_parts({"7", "12", "2026"}), "2026-12-07");
  EXPECT_EQ(join_date_parts({" 29 ", "02", "2028"}), "2028-02-29");
  EXPECT_EQ(join_date_parts({"", "", ""}), "");
  EXPECT_EQ(join_date_parts({" ", "", "\t"}), "");
}

// Not checked for being a real day here: the use case refuses it, naming its own field.
TEST(DateInput, WhatIsNotNumbersOfTheRightLengthIsKeptAsTyped) {
  EXPECT_EQ(join_date_parts({"30", "2", "2026"}), "2026-02-30");
  EXPECT_EQ(join_date_parts({"1", "Dec", "2026"}), "1/Dec/2026");
  EXPECT_EQ(join_date_parts({"1", "12", "26"}), "1/12/26");
  EXPECT_EQ(join_date_parts({"", "12", "2026"}), "/12/2026");
  EXPECT_EQ(join_date_parts({"123", "1", "2026"}), "123/1/2026");
}

TEST(DateInput, AValueSplitsBackIntoTheBoxes) {
  const auto iso = date_parts("2027-01-05");
  EXPECT_EQ(iso.day, "5");
  EXPECT_EQ(iso.month, "1");
  EXPECT_EQ(iso.year, "2027");
  const auto typed = date_parts("1/Dec/2026");
  EXPECT_EQ(typed.day, "1");
  EXPECT_EQ(typed.month, "Dec");
  EXPECT_EQ(typed.year, "2026");
  const auto other = date_parts("next Tuesday");
  EXPECT_EQ(other.day + other.month + other.year, "");
}

TEST(DateInput, BoxesAreReadFirstAndTheWholeFieldOtherwise) {
  Request r;
  r.form = {{"start-day", "1"}, {"start-month", "9"}, {"start-year", "2027"}, {"end", "2027-12-17"}};
  r.query = {{"from", "2026-09-01"}, {"to-day", "18"}, {"to-month", "12"}, {"to-year", "2026"}};
  EXPECT_EQ(date_field(r, "start"), "2027-09-01");
  EXPECT_EQ(date_field(r, "end"), "2027-12-17");
  EXPECT_EQ(date_field(r, "missing"), "");
  EXPECT_EQ(date_query(r, "from"), "2026-09-01");
  EXPECT_EQ(date_query(r, "to"), "2026-12-18");
}

TEST(DateInput, TheHintGivesTheExampleAsTyped) {
  EXPECT_EQ(date_example(year{2026} / December / 7), "For example, 7 12 2026");
}
