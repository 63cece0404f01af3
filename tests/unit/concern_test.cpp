#include <gtest/gtest.h>

#include "field_names.hpp"

#include "domain/kernel/calendar_date.hpp"
#include "domain/safeguarding/concern.hpp"

using namespace waypoint::domain;

TEST(Concern, NeedsItsKindTheDayAndWhatWasSeenOrHeard) {
  const auto today = *parse_date("2028-02-29");
  EXPECT_TRUE(concern_problems({"neglect", "2028-02-29", "No coat in the snow", ""}, today).empty());
  EXPECT_EQ(fields(concern_problems({"", "", " ", ""}, today)),
            (std::vector<std::string>{"category", "happened_on", "what_happened"}));
  EXPECT_EQ(fields(concern_problems({"gossip", "2028-02-28", "x", ""}, today)), std::vector<std::string>{"category"});
  EXPECT_EQ(concern_problems({"neglect", "2028-03-01", "x", ""}, today).at(0).message, "Date cannot be in the future");
  EXPECT_EQ(fields(concern_problems({"neglect", "2027-02-29", "x", ""}, today)),
            std::vector<std::string>{"happened_on"});  // not a leap year
  EXPECT_EQ(fields(concern_problems({"other", "2028-02-01", std::string(20001, 'a'), ""}, today)),
            std::vector<std::string>{"what_happened"});
}

TEST(Concern, AFollowUpSaysSomething) {
  EXPECT_EQ(fields(follow_up_problems("  \n")), std::vector<std::string>{"note"});
  EXPECT_TRUE(follow_up_problems("Referred to early help").empty());
}
