// Compulsory school age, which decides who the registration rule counts: from the first 31
// August, 31 December or 31 March on or after the 5th birthday, to the last Friday in June of the
// school year in which the child turns 16.
#include <gtest/gtest.h>

#include "domain/kernel/calendar_date.hpp"
#include "domain/pupils/pupil.hpp"
#include "sample_calendar.hpp"

using namespace waypoint::domain;

TEST(CompulsorySchoolAge, StartsOnThePrescribedDayAfterTheFifthBirthday) {
  struct Case {
    const char* born;
    const char* starts;
  };
  for (const auto& c : std::vector<Case>{{"2010-01-01", "2015-03-31"},
                                         {"2010-03-31", "2015-03-31"},  // a prescribed day itself
                                         {"2010-04-01", "2015-08-31"},
                                         {"2010-08-31", "2015-08-31"},
                                         {"2010-09-01", "2015-12-31"},
                                         {"2010-12-31", "2015-12-31"},
                                         {"2012-02-29", "2017-03-31"}})  // 5 on 1 March 2017
    EXPECT_EQ(format_date(compulsory_school_age_starts(d(c.born))), c.starts) << c.born;
}

TEST(CompulsorySchoolAge, EndsOnTheLastFridayInJuneOfTheSchoolYearTheyTurnSixteen) {
  struct Case {
    const char* born;
    const char* leaves;
  };
  for (const auto& c : std::vector<Case>{{"2010-07-15", "2026-06-26"},  // 16 in July: that June
                                         {"2010-08-31", "2026-06-26"},
                                         {"2010-09-01", "2027-06-25"},   // 16 in September: the next June
                                         {"2012-06-30", "2028-06-30"}})  // a Friday itself
    EXPECT_EQ(format_date(school_leaving_date(d(c.born))), c.leaves) << c.born;
}

TEST(CompulsorySchoolAge, FromTheFirstDayToTheLastInclusive) {
  const auto born = d("2010-09-01");
  EXPECT_FALSE(of_compulsory_school_age(born, d("2015-12-30")));
  EXPECT_TRUE(of_compulsory_school_age(born, d("2015-12-31")));
  EXPECT_TRUE(of_compulsory_school_age(born, d("2027-06-25")));
  EXPECT_FALSE(of_compulsory_school_age(born, d("2027-06-26")));
}
