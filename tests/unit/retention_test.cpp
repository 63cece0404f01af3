// The retention schedule's dates: anniversaries (29 February among them), the last day whose
// records have been kept their full time, and which of a pupil's records may go on a given day.
#include <gtest/gtest.h>

#include "domain/kernel/calendar_date.hpp"
#include "domain/retention/retention_schedule.hpp"
#include "sample_calendar.hpp"

using namespace waypoint::domain;
using namespace std::chrono;

namespace {
std::string iso(year_month_day v) { return format_date(v); }
}  // namespace

TEST(Retention, TheDefaultScheduleIsTheCommonOneForEnglishSchools) {
  const RetentionSchedule s;
  EXPECT_EQ(s.years(RecordType::AttendanceRegister), 6);
  EXPECT_EQ(s.years(RecordType::PupilApRecord), 25);
  EXPECT_EQ(s.years(RecordType::SenRecord), 31);
  EXPECT_EQ(s.years(RecordType::SafeguardingRecord), 50);
  EXPECT_EQ(s.years(RecordType::AuditTrail), 7);
  EXPECT_EQ(s.years(RecordType::ProviderEvidence), 6);
  for (const auto& r : retention_rules()) {
    EXPECT_EQ(parse_record_type(r.code), r.type) << r.code;
    EXPECT_EQ(retention_rule(r.type).code, r.code);
  }
  EXPECT_FALSE(parse_record_type("attendance"));
}

TEST(Retention, YearsAreAWholeNumberInRange) {
  EXPECT_FALSE(retention_years_problem("1"));
  EXPECT_FALSE(retention_years_problem("150"));
  for (const char* bad : {"0", "151", "-3", "6.5", "six", ""})
    EXPECT_EQ(retention_years_problem(bad), "Years must be a whole number from 1 to 150, like 6") << bad;
  RetentionSchedule s;
  EXPECT_THROW(s.set_years(RecordType::AuditTrail, 0), std::invalid_argument);
  s.set_years(RecordType::AuditTrail, 10);
  EXPECT_EQ(s.years(RecordType::AuditTrail), 10);
}

TEST(Retention, AnAnniversaryOfTwentyNinthFebruaryInACommonYearIsFirstMarch) {
  struct Case {
    const char* from;
    int years;
    const char* on;
  };
  for (const auto& c : std::vector<Case>{{"2001-11-30", 25, "2026-11-30"},
                                         {"2004-02-29", 25, "2029-03-01"},
                                         {"2004-02-29", 24, "2028-02-29"},
                                         {"2020-12-31", 6, "2026-12-31"},
                                         {"2024-02-28", 1, "2025-02-28"}})
    EXPECT_EQ(iso(anniversary(d(c.from), c.years)), c.on) << c.from << " + " << c.years;
}

TEST(Retention, DisposableThroughIsTheLastDateWhoseFullTimeHasPassed) {
  EXPECT_EQ(iso(disposable_through(d("2026-11-30"), 6)), "2020-11-30");
  EXPECT_EQ(iso(disposable_through(d("2028-02-29"), 25)), "2003-02-28");  // no 29 February in 2003
  EXPECT_EQ(iso(disposable_through(d("2028-02-29"), 4)), "2024-02-29");
  EXPECT_EQ(iso(disposable_through(d("2029-02-28"), 25)), "2004-02-28");  // 29 Feb 2004's is 1 March
  EXPECT_EQ(iso(disposable_through(d("2029-03-01"), 25)), "2004-03-01");
  // For every day of eight years and several lengths: every date up to it has reached its
  // anniversary, and the next date has not.
  for (int years : {1, 4, 6, 7, 25, 31, 50}) {
    for (auto day = sys_days(d("2024-01-01")); day < sys_days(d("2032-01-01")); day += days(1)) {
      const year_month_day today{day};
      const auto through = sys_days(disposable_through(today, years));
      EXPECT_LE(sys_days(anniversary(year_month_day{through}, years)), day) << iso(today) << " " << years;
      EXPECT_GT(sys_days(anniversary(year_month_day{through + days(1)}, years)), day) << iso(today) << " " << years;
    }
  }
}

TEST(Retention, APupilsRecordsGoOnTheirBirthdaysUnderTheRulesThatApply) {
  const RetentionSchedule s;
  struct Case {
    const char* born;
    bool sen;
    const char* today;
    bool ap_record;
    bool concerns;
  };
  for (const auto& c : std::vector<Case>{
           {"2001-11-30", false, "2026-11-29", false, false},  // the day before the 25th birthday
           {"2001-11-30", false, "2026-11-30", true, false},   // the 25th birthday
           {"2001-11-30", true, "2026-11-30", false, false},   // with SEN: kept until 31
           {"1995-11-30", true, "2026-11-29", false, false},
           {"1995-11-30", true, "2026-11-30", true, false},
           {"1976-11-30", false, "2026-11-29", true, false},  // safeguarding: until 50
           {"1976-11-30", false, "2026-11-30", true, true},
           {"2004-02-29", false, "2029-02-28", false, false},  // born on a leap day
           {"2004-02-29", false, "2029-03-01", true, false},
       }) {
    const auto r = pupil_retention(s, d(c.born), c.sen, d(c.today));
    EXPECT_EQ(r.ap_record, c.ap_record) << c.born << (c.sen ? " with SEN on " : " on ") << c.today;
    EXPECT_EQ(r.concerns, c.concerns) << c.born << " on " << c.today;
    EXPECT_EQ(r.ap_rule, c.sen ? RecordType::SenRecord : RecordType::PupilApRecord);
  }
  EXPECT_EQ(iso(pupil_retention(s, d("2004-02-29"), false, d("2026-11-30")).ap_record_from), "2029-03-01");
  EXPECT_EQ(iso(pupil_retention(s, d("2004-02-29"), false, d("2026-11-30")).concerns_from), "2054-03-01");
  // A deployment that keeps AP records longer than concerns: each rule on its own date.
  RetentionSchedule longer;
  longer.set_years(RecordType::PupilApRecord, 60);
  const auto r = pupil_retention(longer, d("1970-01-01"), false, d("2026-11-30"));
  EXPECT_FALSE(r.ap_record);
  EXPECT_TRUE(r.concerns);
}
