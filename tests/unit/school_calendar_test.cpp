#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "domain/calendar/school_calendar.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "sample_calendar.hpp"
#include "store/kernel/embedded.hpp"

using namespace waypoint::domain;

TEST(SchoolCalendar, BankHolidaysShipAsData) {
  const auto c = calendar();
  EXPECT_TRUE(c.closed.count(std::chrono::sys_days(d("2026-12-28"))));   // Boxing Day substitute
  EXPECT_TRUE(c.closed.count(std::chrono::sys_days(d("2027-03-29"))));   // Easter Monday
  EXPECT_FALSE(c.closed.count(std::chrono::sys_days(d("2026-12-26"))));  // a Saturday: substituted
}

TEST(SchoolCalendar, WhichDaysAreSchoolDays) {
  const auto c = calendar();
  struct Case {
    const char* day;
    bool school;
  };
  const Case cases[] = {
      {"2026-11-23", true},   // a Monday in term
      {"2026-11-21", false},  // Saturday
      {"2026-10-28", false},  // half term
      {"2026-11-02", false},  // INSET day
      {"2027-05-03", false},  // early May bank holiday, in term
      {"2028-02-29", true},   // the leap day, a Tuesday in term
      {"2027-08-02", false},  // summer holiday: past the last term
  };
  for (const auto& x : cases) EXPECT_EQ(is_school_day(c, d(x.day)), x.school) << x.day;
}

TEST(SchoolCalendar, NoticeForAnOffSiteDirection) {
  const auto c = calendar();
  struct Case {
    const char* notice;
    const char* earliest;
  };
  const Case cases[] = {
      {"2026-11-23", "2026-11-25"},  // Monday notice: Wednesday start
      {"2026-11-20", "2026-11-24"},  // Friday notice: the weekend does not count
      {"2026-10-22", "2026-11-03"},  // across half term and the INSET day
      {"2027-04-30", "2027-05-05"},  // across the May bank holiday
      {"2026-12-17", "2027-01-05"},  // across Christmas
      {"2028-02-28", "2028-03-01"},  // across the leap day, which is a school day
  };
  for (const auto& x : cases) EXPECT_EQ(earliest_start_after_notice(c, d(x.notice)), d(x.earliest)) << x.notice;
}

TEST(SchoolCalendar, CountingAndEmptyWeeksAndTheEndOfTheCalendar) {
  const auto c = calendar();
  EXPECT_EQ(school_days_between(c, d("2026-10-23"), d("2026-11-03")), 1);
  EXPECT_EQ(school_days_between(c, d("2026-10-25"), d("2026-10-31")), 0);   // a week of half term
  EXPECT_EQ(school_days_between(c, d("2026-11-16"), d("2026-11-13")), 0);   // backwards
  EXPECT_EQ(school_days_between(c, d("2026-11-15"), d("2026-11-27")), 10);  // two full weeks
  EXPECT_EQ(add_school_days(c, d("2026-11-13"), 6), d("2026-11-23"));       // 6th school day from Mon 16th
  EXPECT_FALSE(add_school_days(c, d("2028-03-30"), 2));                     // the calendar knows no later term
  EXPECT_FALSE(add_school_days(SchoolCalendar{}, d("2026-11-23"), 1));
}

TEST(SchoolCalendar, CountsTheDaysAPupilAttendsOnTheirWeekdays) {
  const auto c = calendar();
  // Mondays and Wednesdays from Monday 19 October to Wednesday 4 November 2026: 19 and 21 October,
  // then half term, then Monday 2 November is an INSET day, so only Wednesday 4 November.
  EXPECT_EQ(school_days_on(c, d("2026-10-19"), d("2026-11-04"), {1, 3}), 3);
  EXPECT_EQ(school_days_on(c, d("2026-10-19"), d("2026-11-04"), {}), 0);
  EXPECT_EQ(school_days_on(c, d("2026-11-04"), d("2026-10-19"), {1, 3}), 0);  // empty range
  // The leap day 2028 is a Tuesday in term.
  EXPECT_EQ(school_days_on(c, d("2028-02-28"), d("2028-03-01"), {2}), 1);
}

TEST(SchoolCalendar, TermsAreNamedInOrderAndDoNotOverlap) {
  const std::vector<Term> existing{{d("2026-09-03"), d("2026-10-23")}};
  EXPECT_TRUE(term_problems("Autumn 2", "2026-11-02", "2026-12-18", existing).empty());
  EXPECT_TRUE(term_problems("Autumn 2", "2026-10-24", "2026-10-24", existing).empty());  // the day after: fine
  auto fields = [](const waypoint::domain::FieldErrors& e) {
    std::vector<std::string> out;
    for (const auto& x : e) out.push_back(x.field);
    return out;
  };
  EXPECT_EQ(fields(term_problems("", "2026-10-23", "2026-12-18", existing)),
            (std::vector<std::string>{"term_name", "first_day"}));  // shares 23 October
  EXPECT_EQ(fields(term_problems("Spring", "2027-01-05", "2027-01-04", existing)),
            std::vector<std::string>{"last_day"});
  EXPECT_EQ(fields(term_problems("Spring", "2027-02-29", "2027-03-01", existing)),
            std::vector<std::string>{"first_day"});
}

TEST(SchoolCalendar, AFullTimeWeekInHours) {
  EXPECT_EQ(parse_week_hours("32.5"), 1950);
  EXPECT_EQ(parse_week_hours("32.50"), 1950);
  EXPECT_EQ(parse_week_hours("30"), 1800);
  EXPECT_EQ(parse_week_hours("32.25"), 1935);
  for (const char* bad : {"", "32.", ".5", "32.33", "14", "41", "thirty", "32,5", "-30", "32.5.1"})
    EXPECT_FALSE(parse_week_hours(bad).has_value()) << bad;
}

TEST(SchoolCalendar, SchoolDaysWithoutAttendanceRunAcrossWeekendsAndHalfTerm) {
  const auto c = calendar();
  using std::chrono::sys_days;
  // Last seen on Wednesday 14 October 2026. Thursday 15 to Friday 23 October is 7 school days; half
  // term and the INSET day on Monday 2 November do not count; Tuesday 3 to Thursday 5 November make 10.
  const std::set<sys_days> attended{sys_days(d("2026-10-14"))};
  EXPECT_EQ(school_days_without_attendance(c, attended, d("2026-10-23")), 7);
  EXPECT_EQ(school_days_without_attendance(c, attended, d("2026-11-02")), 7);
  EXPECT_EQ(school_days_without_attendance(c, attended, d("2026-11-04")), 9);
  EXPECT_EQ(school_days_without_attendance(c, attended, d("2026-11-05")), 10);
  EXPECT_EQ(school_days_without_attendance(c, {sys_days(d("2026-11-05"))}, d("2026-11-05")), 0);
}

TEST(SchoolCalendar, DaysAtTheHomeSchoolNeitherCountNorBreakTheRun) {
  const auto c = calendar();
  using std::chrono::sys_days;
  // At AP Monday to Thursday, at the home school on Fridays (its own register, not seen here).
  const ExpectedDays at_ap{std::nullopt, {1, 2, 3, 4}};
  const std::set<sys_days> attended{sys_days(d("2026-10-14"))};
  // Thursday 15 October; 19-22 October; half term; 3-5 November (2 November is an INSET day): 8.
  EXPECT_EQ(school_days_without_attendance(c, attended, d("2026-11-05"), at_ap), 8);
  EXPECT_EQ(school_days_without_attendance(c, attended, d("2026-11-06"), at_ap), 8);  // a Friday
  EXPECT_EQ(school_days_without_attendance(c, attended, d("2026-11-10"), at_ap), 10);
  // Nothing before the placement's first day counts, attended or not.
  const ExpectedDays from_start{d("2026-11-03"), {1, 2, 3, 4, 5}};
  EXPECT_EQ(school_days_without_attendance(c, {}, d("2026-11-05"), from_start), 3);
  EXPECT_EQ(school_days_without_attendance(c, {}, d("2026-11-02"), from_start), 0);
}
