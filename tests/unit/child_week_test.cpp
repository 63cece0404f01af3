// A parent's view of the week: where the child should be each school day.
#include <gtest/gtest.h>

#include "domain/families/child_week.hpp"
#include "sample_calendar.hpp"

namespace {

using namespace waypoint::domain;
using std::chrono::Friday;
using std::chrono::Monday;
using std::chrono::Thursday;

WeekSlot at_provider(std::chrono::weekday day, int start, int end, std::int64_t placement) {
  return {{day, start, end, "provider", 9}, placement};
}
WeekSlot at_school(std::chrono::weekday day, int start, int end) { return {{day, start, end, "home_school", {}}, {}}; }

const PlacementDays kBridgeway{1, d("2026-11-02"), d("2027-02-12"), true};

TEST(ChildWeek, WeekdaysShowThisWeekAndTheWeekendTheNext) {
  EXPECT_EQ(week_shown(d("2026-11-30")), d("2026-11-30"));  // a Monday
  EXPECT_EQ(week_shown(d("2026-12-04")), d("2026-11-30"));  // its Friday
  EXPECT_EQ(week_shown(d("2026-12-05")), d("2026-12-07"));  // Saturday looks ahead
  EXPECT_EQ(week_shown(d("2026-12-06")), d("2026-12-07"));  // and Sunday
  EXPECT_EQ(week_shown(d("2028-03-01")), d("2028-02-28"));  // across a leap day
  EXPECT_EQ(week_shown(d("2027-01-01")), d("2026-12-28"));  // and a new year
}

TEST(ChildWeek, EachDayNamesWhereTheTimetableSendsThemInTimeOrder) {
  const std::vector<WeekSlot> slots{at_provider(Monday, 13 * 60, 15 * 60, 1), at_school(Monday, 9 * 60, 12 * 60),
                                    at_school(Friday, 9 * 60, 15 * 60)};
  const auto week = child_week(calendar(), d("2026-11-30"), slots, {kBridgeway}, false);
  ASSERT_EQ(week.size(), 5u);
  EXPECT_EQ(week[0].date, d("2026-11-30"));
  EXPECT_EQ(week[0].kind, DayKind::Timetabled);
  ASSERT_EQ(week[0].slots.size(), 2u);
  EXPECT_EQ(week[0].slots[0].slot.setting, "home_school");  // 9:00 before 13:00
  EXPECT_EQ(week[0].slots[1].placement_id, 1);
  EXPECT_EQ(week[1].kind, DayKind::UsualSchoolDay);  // a full-time week with nothing set: school as usual
  EXPECT_EQ(week[4].kind, DayKind::Timetabled);
  EXPECT_EQ(week[4].date, d("2026-12-04"));
}

TEST(ChildWeek, PartTimeLeavesEmptyDaysEmpty) {
  const auto week = child_week(calendar(), d("2026-11-30"), {at_provider(Monday, 540, 720, 1)}, {kBridgeway}, true);
  EXPECT_EQ(week[0].kind, DayKind::Timetabled);
  EXPECT_EQ(week[1].kind, DayKind::NothingToday);
}

TEST(ChildWeek, HolidaysClosuresAndBankHolidaysAreNoSchool) {
  const std::vector<WeekSlot> slots{at_provider(Monday, 540, 900, 1), at_provider(Thursday, 540, 900, 1)};
  // The INSET day on Monday 2 November; the Christmas holiday from 21 December.
  auto week = child_week(calendar(), d("2026-11-02"), slots, {kBridgeway}, false);
  EXPECT_EQ(week[0].kind, DayKind::NoSchool);
  EXPECT_TRUE(week[0].slots.empty());
  EXPECT_EQ(week[3].kind, DayKind::Timetabled);
  week = child_week(calendar(), d("2026-12-21"), slots, {kBridgeway}, false);
  for (const auto& day : week) EXPECT_EQ(day.kind, DayKind::NoSchool);
  // The early May bank holiday (Monday 3 May 2027) falls in term time: no school all the same.
  week = child_week(calendar(), d("2027-05-03"), slots, {kBridgeway}, false);
  EXPECT_EQ(week[0].kind, DayKind::NoSchool);
  EXPECT_EQ(week[1].kind, DayKind::UsualSchoolDay);
}

TEST(ChildWeek, AProviderDayCountsOnlyWhileThePlacementRuns) {
  const std::vector<WeekSlot> slots{at_provider(Monday, 540, 900, 1), at_provider(Thursday, 540, 900, 1)};
  // Starts on the Thursday: Monday is not yet there.
  PlacementDays starting{1, d("2026-12-03"), d("2027-02-12"), true};
  auto week = child_week(calendar(), d("2026-11-30"), slots, {starting}, false);
  EXPECT_EQ(week[0].kind, DayKind::UsualSchoolDay);
  EXPECT_EQ(week[3].kind, DayKind::Timetabled);
  // Its planned last day is that Monday: Thursday is back at school.
  PlacementDays ending{1, d("2026-09-07"), d("2026-11-30"), true};
  week = child_week(calendar(), d("2026-11-30"), slots, {ending}, false);
  EXPECT_EQ(week[0].kind, DayKind::Timetabled);
  EXPECT_EQ(week[3].kind, DayKind::UsualSchoolDay);
  // A draft sends nobody anywhere; nor does a slot whose placement is not among those given.
  PlacementDays draft{1, d("2026-11-02"), d("2027-02-12"), false};
  EXPECT_EQ(child_week(calendar(), d("2026-11-30"), slots, {draft}, false)[0].kind, DayKind::UsualSchoolDay);
  EXPECT_EQ(child_week(calendar(), d("2026-11-30"), slots, {}, false)[0].kind, DayKind::UsualSchoolDay);
}

TEST(ChildWeek, SessionsInAFamilysWords) {
  EXPECT_EQ(session_in_words("/", 0).text, "There");
  EXPECT_TRUE(session_in_words("B", 0).attended);  // at the provider: attended
  EXPECT_EQ(session_in_words("B", 0).text, "There");
  EXPECT_EQ(session_in_words("L", 12).text, "Late (12 minutes)");
  EXPECT_TRUE(session_in_words("L", 12).attended);
  EXPECT_EQ(session_in_words("L", 0).text, "Late");
  EXPECT_EQ(session_in_words("I", 0).text, "Absent: Illness");
  EXPECT_FALSE(session_in_words("I", 0).unauthorised);
  EXPECT_TRUE(session_in_words("N", 0).unauthorised);
  EXPECT_EQ(session_in_words("N", 0).text, "Absent: Reason not yet given");
  EXPECT_EQ(session_in_words("X", 0).text, "Not of compulsory school age");
  EXPECT_EQ(session_in_words("?", 0).text, "Not recorded");
}

}  // namespace
