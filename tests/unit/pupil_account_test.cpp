// The pupil's own account: only when the school chose it, from the 11th birthday, at a school address.
#include <gtest/gtest.h>

#include "domain/pupils/pupil_account.hpp"
#include "domain/pupils/pupil_voice.hpp"
#include "sample_calendar.hpp"

namespace {

using namespace waypoint::domain;

TEST(PupilAccount, OffUnlessTheSchoolChoseToGiveThem) {
  const auto problem = pupil_account_problem(false, "Ben", d("2010-01-01"), d("2026-12-01"));
  ASSERT_TRUE(problem);
  EXPECT_EQ(problem->rfind("The school does not give pupils their own accounts", 0), 0u);
  EXPECT_FALSE(pupil_account_problem(true, "Ben", d("2010-01-01"), d("2026-12-01")));
}

TEST(PupilAccount, FromTheEleventhBirthdayExactly) {
  EXPECT_FALSE(pupil_account_problem(true, "Ben", d("2015-12-01"), d("2026-12-01")));  // 11 today
  const auto day_before = pupil_account_problem(true, "Ben", d("2015-12-02"), d("2026-12-01"));
  ASSERT_TRUE(day_before);
  EXPECT_EQ(*day_before,
            "Pupils can have their own account from the age of 11. Ben can be invited from 2 December 2026");
}

TEST(PupilAccount, ALeapDayBirthdayComesOnTheFirstOfMarchInACommonYear) {
  EXPECT_EQ(format_date(pupil_account_from(d("2016-02-29"))), "2027-03-01");
  EXPECT_TRUE(pupil_account_problem(true, "Zara", d("2016-02-29"), d("2027-02-28")));
  EXPECT_FALSE(pupil_account_problem(true, "Zara", d("2016-02-29"), d("2027-03-01")));
  // In a leap year it is the day itself.
  EXPECT_EQ(format_date(pupil_account_from(d("2020-02-29"))), "2031-03-01");
  EXPECT_EQ(format_date(pupil_account_from(d("2021-02-28"))), "2032-02-28");
}

TEST(PupilAccount, OnlyAtTheSchoolsOwnDomainOrOneUnderIt) {
  EXPECT_FALSE(pupil_address_problem("ben@oakfield.example", "oakfield.example"));
  EXPECT_FALSE(pupil_address_problem(" Ben@Pupils.OAKFIELD.example ", "oakfield.example"));
  EXPECT_TRUE(pupil_address_problem("ben@notoakfield.example", "oakfield.example"));  // not under it
  EXPECT_TRUE(pupil_address_problem("ben@oakfield.example.evil.example", "oakfield.example"));
  EXPECT_TRUE(pupil_address_problem("ben@gmail.example", "oakfield.example"));
  EXPECT_TRUE(pupil_address_problem("ben@oakfield.example", ""));  // no school domain to check against
  EXPECT_EQ(*pupil_address_problem("", "oakfield.example"), "Enter the pupil's school email address");
  EXPECT_TRUE(pupil_address_problem("not an address", "oakfield.example"));
  EXPECT_EQ(email_domain("a@B.Example"), "b.example");
  EXPECT_EQ(email_domain("none"), "");
}

TEST(PupilAccount, AnAddressInUseCanOnlyBeThePupilsOwnEarlierAccount) {
  EXPECT_FALSE(pupil_existing_account_problem(false, false));
  EXPECT_FALSE(pupil_existing_account_problem(true, true));
  EXPECT_TRUE(pupil_existing_account_problem(true, false));
}

TEST(PupilAccount, ThePupilsOwnAnswersAreTodaysAndInWaypoint) {
  const auto in = own_answers({"2020-01-01", "good", "", "", "", "yes", "told_staff"}, d("2026-12-01"));
  EXPECT_EQ(in.answered_on, "2026-12-01");
  EXPECT_EQ(in.how, "in_waypoint");
  EXPECT_TRUE(own_voice_problems(in).empty());
  const auto blank = own_voice_problems(own_answers({}, d("2026-12-01")));
  ASSERT_EQ(blank.size(), 2u);
  EXPECT_EQ(blank[0].message, "Select how you feel it is going");
  EXPECT_EQ(blank[1].field, "back_to_school");
  // What the school records may not pass as the pupil's own.
  EXPECT_FALSE(pupil_voice_problems({"2026-12-01", "good", "", "", "", "yes", "in_waypoint"}, d("2026-12-01")).empty());
}

}  // namespace
