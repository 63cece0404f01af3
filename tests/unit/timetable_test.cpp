#include <gtest/gtest.h>

#include "domain/registration_threshold.hpp"
#include "domain/timetable.hpp"

using namespace waypoint::domain;
using std::chrono::Monday;
using std::chrono::Tuesday;

namespace {

int hm(int h, int m) { return h * 60 + m; }

TaughtPupil pupil(std::int64_t id, double hours, bool looked_after = false, bool ehc = false) {
  return {id, static_cast<int>(hours * 60 + 0.5), looked_after, ehc};
}

}  // namespace

TEST(Timetable, OverlapsAreFoundTouchingIsFine) {
  const std::vector<TimetableSlot> slots = {
      {Monday, hm(9, 0), hm(12, 0), "home_school", std::nullopt},
      {Monday, hm(12, 0), hm(15, 0), "provider", 5},             // touches the first: fine
      {Monday, hm(14, 30), hm(15, 30), "online", std::nullopt},  // overlaps the second
      {Tuesday, hm(9, 0), hm(12, 0), "provider", 5},             // same times, another day
  };
  const auto overlaps = overlapping_slots(slots);
  ASSERT_EQ(overlaps.size(), 1u);
  EXPECT_EQ(overlaps[0], (std::pair<std::size_t, std::size_t>{1, 2}));
}

TEST(Timetable, TotalsPerSettingAndProviderAndTheFullTimeWeek) {
  std::vector<TimetableSlot> week;
  for (auto day : {std::chrono::Monday, std::chrono::Tuesday, std::chrono::Wednesday, std::chrono::Thursday,
                   std::chrono::Friday}) {
    week.push_back({day, hm(8, 45), hm(12, 0), "home_school", std::nullopt});  // 3h15
    week.push_back({day, hm(12, 30), hm(15, 45), "provider", 7});              // 3h15
  }
  auto t = timetable_totals(week);
  EXPECT_EQ(t.minutes, 1950);  // exactly 32.5 hours
  EXPECT_EQ(t.by_setting["provider"], 975);
  EXPECT_EQ(t.by_provider[7], 975);
  EXPECT_TRUE(is_full_time(t));
  week.back().end_minute -= 1;  // one minute short of full time
  EXPECT_FALSE(is_full_time(timetable_totals(week)));
  EXPECT_EQ(timetable_totals({}).minutes, 0);  // an empty week
}

TEST(RegistrationThreshold, TheEighteenHourLineExactly) {
  struct Case {
    double hours;
    int full_time;
  };
  const Case cases[] = {{17.9, 0}, {18.0, 0}, {18.1, 1}};
  for (const auto& c : cases)
    EXPECT_EQ(registration_threshold({pupil(1, c.hours)}).full_time_pupils, c.full_time) << c.hours;
}

TEST(RegistrationThreshold, FourOrFivePupilsOrOneLookedAfter) {
  std::vector<TaughtPupil> four;
  for (int i = 1; i <= 4; ++i) four.push_back(pupil(i, 20));
  EXPECT_FALSE(registration_threshold(four).must_register);
  auto five = four;
  five.push_back(pupil(5, 25));
  const auto r = registration_threshold(five);
  EXPECT_TRUE(r.must_register);
  EXPECT_EQ(r.reason, "5 pupils are taught here for more than 18 hours a week");
  EXPECT_TRUE(registration_threshold({pupil(9, 18.1, true)}).must_register);
  EXPECT_TRUE(registration_threshold({pupil(9, 19, false, true)}).must_register);
  EXPECT_FALSE(registration_threshold({pupil(9, 18.0, true)}).must_register);  // not full time
}

TEST(RegistrationThreshold, HoursAddUpAcrossCommissionersAndSavingWarns) {
  // Two schools each place pupil 3 for 10 hours: 20 hours at this provider in all.
  EXPECT_EQ(registration_threshold({pupil(3, 10), pupil(3, 10)}).full_time_pupils, 1);
  std::vector<TaughtPupil> four;
  for (int i = 1; i <= 4; ++i) four.push_back(pupil(i, 20));
  EXPECT_TRUE(crosses_threshold(four, {pupil(5, 18.5)}));
  EXPECT_FALSE(crosses_threshold(four, {pupil(5, 18.0)}));
  EXPECT_FALSE(crosses_threshold({pupil(1, 20, true)}, {pupil(2, 20)}));  // already over: no new warning
}
