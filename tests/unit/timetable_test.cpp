#include <gtest/gtest.h>

#include "domain/placements/timetable.hpp"
#include "domain/providers/registration_threshold.hpp"
#include "sample_calendar.hpp"

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
  EXPECT_EQ(r.reason, "5 pupils are taught here for more than 18 hours a week (Education and Skills Act 2008 s.92)");
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

TEST(Timetable, ClockTimesAreReadStrictly) {
  EXPECT_EQ(parse_clock("09:30"), 570);
  EXPECT_EQ(parse_clock("9:30"), 570);
  EXPECT_EQ(parse_clock("00:00"), 0);
  EXPECT_EQ(parse_clock("23:59"), 1439);
  for (const char* bad : {"24:00", "9.30", "930", "09:60", "", ":30", "09:3", "ab:cd", "123:00"})
    EXPECT_FALSE(parse_clock(bad).has_value()) << bad;
  EXPECT_EQ(format_clock(570), "09:30");
  EXPECT_EQ(format_clock(0), "00:00");
  EXPECT_EQ(format_clock(1439), "23:59");
  EXPECT_EQ(format_clock(600), "10:00");
  for (int minute = 0; minute < 24 * 60; minute += 7) EXPECT_EQ(parse_clock(format_clock(minute)), minute);
  EXPECT_EQ(parse_school_weekday("wed"), std::chrono::Wednesday);
  EXPECT_FALSE(parse_school_weekday("Saturday").has_value());
}

TEST(Timetable, GapsInTheSchoolDayAreFlagged) {
  const std::vector<TimetableSlot> week = {
      {Monday, hm(9, 0), hm(12, 0), "home_school", std::nullopt},
      {Monday, hm(13, 0), hm(15, 0), "provider", 5},  // an hour for lunch: not a gap
      {Tuesday, hm(9, 0), hm(11, 0), "provider", 5},
      {Tuesday, hm(9, 30), hm(10, 0), "online", std::nullopt},  // inside the first: covered
      {Tuesday, hm(13, 1), hm(15, 0), "home_school", std::nullopt},
  };
  const auto gaps = timetable_gaps(week);
  ASSERT_EQ(gaps.size(), 4u);
  EXPECT_EQ(gaps[0], "Tuesday has 2 hours 1 minutes with nothing timetabled, from 11:00 to 13:01");
  EXPECT_EQ(gaps[1], "Wednesday has nothing timetabled");
  EXPECT_EQ(gaps[3], "Friday has nothing timetabled");
  EXPECT_EQ(timetable_gaps({}).size(), 5u);  // an empty week: every day is a gap
}

TEST(Timetable, APartTimeTimetableNeedsAReasonAgreementAnEndAndReviews) {
  const auto today = std::chrono::year_month_day{std::chrono::year{2026}, std::chrono::November, std::chrono::day{24}};
  PartTimeArrangement p{"Phased return after hospital", "2026-11-20", "2027-01-29", "2026-12-11, 2027-01-15", ""};
  EXPECT_TRUE(part_time_problems(p, today).empty());
  p.ends_on = "2026-11-23";  // yesterday
  p.review_dates = "2026-12-11, someday";
  std::vector<std::string> fields;
  for (const auto& e : part_time_problems(p, today)) fields.push_back(e.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"part_time_ends_on", "review_dates"}));
  EXPECT_EQ(part_time_problems({}, today).size(), 4u);
}

TEST(Timetable, APartTimeTimetableStartsOnARealDayNoLaterThanItsEnd) {
  const auto today = std::chrono::year_month_day{std::chrono::year{2026}, std::chrono::November, std::chrono::day{24}};
  PartTimeArrangement p{"Phased return after hospital", "2026-11-20", "2027-01-29", "2027-01-15", "2026-11-16"};
  EXPECT_TRUE(part_time_problems(p, today).empty()) << "a week ago: recorded after it began";
  for (const auto* day : {"2027-01-29", "2026-12-01", ""}) {
    p.starts_on = day;
    EXPECT_TRUE(part_time_problems(p, today).empty()) << day;
  }
  for (const auto* day : {"2027-01-30", "2026-02-29", "soon"}) {
    p.starts_on = day;
    const auto problems = part_time_problems(p, today);
    ASSERT_EQ(problems.size(), 1u) << day;
    EXPECT_EQ(problems[0].field, "part_time_starts_on");
  }
}

TEST(RegistrationThreshold, FivePupilsAtTheEighteenHourLine) {
  // 17.9, 18.0 and 18.1 hours at one unregistered provider, for five pupils.
  for (const auto& [hours, must] : std::vector<std::pair<double, bool>>{{17.9, false}, {18.0, false}, {18.1, true}}) {
    std::vector<TaughtPupil> taught;
    for (int id = 1; id <= 5; ++id) taught.push_back(pupil(id, hours));
    EXPECT_EQ(registration_threshold(taught).must_register, must) << hours;
  }
}

TEST(RegistrationThreshold, TheLawInForceOnTheDayDecides) {
  // Until the deployment sets the 2026 Act's commencement, the 2008 Act's rule stands on every day.
  EXPECT_EQ(threshold_rule_on(d("2030-01-01")).law, "Education and Skills Act 2008 s.92");
  ThresholdSettings settings{d("2027-09-01"), 12 * 60};
  EXPECT_EQ(threshold_rule_on(d("2027-08-31"), settings).law, "Education and Skills Act 2008 s.92");
  const auto act = threshold_rule_on(d("2027-09-01"), settings);  // its commencement day
  EXPECT_EQ(act.law, "Children's Wellbeing and Schools Act 2026 s.43");
  EXPECT_TRUE(act.any_sen);
  EXPECT_EQ(act.full_time_over_minutes, 12 * 60);

  // One full-time pupil with SEN support (no EHC plan): not enough before, enough after.
  TaughtPupil sen = pupil(7, 20);
  sen.sen = true;
  EXPECT_FALSE(registration_threshold({sen}, threshold_rule_on(d("2027-08-31"), settings)).must_register);
  const auto after = registration_threshold({sen}, act);
  EXPECT_TRUE(after.must_register);
  EXPECT_EQ(after.reason,
            "A pupil who is looked after or has special educational needs is taught here for more than 12 hours a "
            "week (Children's Wellbeing and Schools Act 2026 s.43)");
  // The full-time line the regulations set: 12 hours exactly is not over it, 12 and a half is.
  EXPECT_EQ(registration_threshold({pupil(1, 12)}, act).full_time_pupils, 0);
  EXPECT_EQ(registration_threshold({pupil(1, 12.5)}, act).full_time_pupils, 1);
  ThresholdSettings odd{d("2027-09-01"), 12 * 60 + 30};
  EXPECT_EQ(registration_threshold({pupil(1, 13), pupil(2, 13), pupil(3, 13), pupil(4, 13), pupil(5, 13)},
                                   threshold_rule_on(d("2027-09-01"), odd))
                .reason,
            "5 pupils are taught here for more than 12 hours 30 minutes a week (Children's Wellbeing and Schools "
            "Act 2026 s.43)");
}

TEST(RegistrationThreshold, OnlyPupilsOfCompulsorySchoolAgeCount) {
  std::vector<TaughtPupil> five;
  for (int i = 1; i <= 5; ++i) five.push_back(pupil(i, 20));
  EXPECT_TRUE(registration_threshold(five).must_register);
  five.back().compulsory_school_age = false;  // a 17-year-old at college
  EXPECT_FALSE(registration_threshold(five).must_register);
  TaughtPupil older = pupil(9, 25, true);
  older.compulsory_school_age = false;
  EXPECT_FALSE(registration_threshold({older}).must_register);
}
