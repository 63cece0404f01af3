#include <gtest/gtest.h>

#include <limits>

#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/contact.hpp"
#include "domain/kernel/identifiers.hpp"

using namespace waypoint::domain;

TEST(Identifiers, Urn) {
  EXPECT_FALSE(urn_problem("100000"));
  EXPECT_TRUE(urn_problem("10000"));
  EXPECT_TRUE(urn_problem("1000000"));
  EXPECT_TRUE(urn_problem("10000a"));
}

TEST(Identifiers, Ukprn) {
  EXPECT_FALSE(ukprn_problem("10012345"));
  EXPECT_TRUE(ukprn_problem("20012345"));
  EXPECT_TRUE(ukprn_problem("1001234"));
}

TEST(Identifiers, UpnCheckLetterWorkedByHand) {
  // 999400124001: weights 2..13 give 9*2+9*3+9*4+4*5+0*6+0*7+1*8+2*9+4*10+0*11+0*12+1*13 = 180;
  // 180 mod 23 = 19, and the 20th letter of ABCDEFGHJKLMNPQRTUVWXYZ is W.
  EXPECT_EQ(upn_check_letter("999400124001"), 'W');
  EXPECT_FALSE(upn_problem("W999400124001"));
  EXPECT_TRUE(upn_problem("A999400124001"));                  // wrong check letter
  EXPECT_TRUE(upn_problem("W99940012400"));                   // too short
  EXPECT_TRUE(upn_problem("W99940012400I"));                  // I is never used
  EXPECT_TRUE(upn_check_letter("99940012400X").has_value());  // temporary UPNs end in a letter
}

TEST(CalendarDate, OnlyRealDates) {
  EXPECT_TRUE(parse_date("2024-02-29"));
  EXPECT_FALSE(parse_date("2026-02-29"));
  EXPECT_FALSE(parse_date("2026-04-31"));
  EXPECT_FALSE(parse_date("26-04-01"));
  EXPECT_EQ(format_date(*parse_date("2028-02-29")), "2028-02-29");
}

TEST(CalendarDate, AsPeopleReadIt) {
  EXPECT_EQ(date_text("2028-02-29"), "29 February 2028");
  EXPECT_EQ(date_text("2026-01-01"), "1 January 2026");
  EXPECT_EQ(date_text("2026-12-31"), "31 December 2026");
  EXPECT_EQ(date_text("2026-11-10"), "10 November 2026");
  EXPECT_EQ(date_text("2026-11-09"), "9 November 2026");
  EXPECT_EQ(date_text("2027-02-29"), "2027-02-29");  // not a date: shown as it was written
  EXPECT_EQ(date_text(""), "");
}

TEST(CalendarDate, MondayOfTheWeek) {
  const auto monday = [](const char* d) { return format_date(monday_of(*parse_date(d))); };
  EXPECT_EQ(monday("2026-11-30"), "2026-11-30");  // a Monday is its own
  EXPECT_EQ(monday("2026-12-06"), "2026-11-30");  // Sunday ends the week
  EXPECT_EQ(monday("2027-01-03"), "2026-12-28");  // across the new year
  EXPECT_EQ(monday("2028-02-29"), "2028-02-28");  // a leap day, a Tuesday
  EXPECT_EQ(monday("2028-03-05"), "2028-02-28");  // the Sunday after it
}

TEST(CalendarDate, FormatsEveryDayAsItIsRead) {
  using namespace std::chrono;
  EXPECT_EQ(format_date(year{2026} / 1 / 5), "2026-01-05");  // months and days padded
  EXPECT_EQ(format_date(year{2028} / 2 / 29), "2028-02-29");
  EXPECT_EQ(format_date(year{999} / 12 / 31), "0999-12-31");  // the year too
  // Every day of ten years reads back as itself, across leap days and year ends.
  for (auto d = sys_days(year{2024} / 1 / 1); d < sys_days(year{2034} / 1 / 1); d += days(1)) {
    const year_month_day ymd(d);
    ASSERT_EQ(parse_date(format_date(ymd)), std::optional(ymd)) << format_date(ymd);
  }
}

TEST(Contact, EmailAddresses) {
  EXPECT_EQ(normalise_email("  Ap.Lead@Oakfield.Example "), "ap.lead@oakfield.example");
  EXPECT_FALSE(email_problem("a@b.org"));
  EXPECT_TRUE(email_problem(""));
  EXPECT_TRUE(email_problem("no-at-sign.org"));
  EXPECT_TRUE(email_problem("two@@b.org"));
  EXPECT_TRUE(email_problem("a@nodot"));
  EXPECT_TRUE(email_problem("a b@c.org"));
}

#include "domain/kernel/numbers.hpp"

TEST(Numbers, WholeNumbersAndPounds) {
  EXPECT_EQ(parse_whole_number(" 42 "), 42);
  EXPECT_FALSE(parse_whole_number("-1"));
  EXPECT_FALSE(parse_whole_number("1.5"));
  EXPECT_FALSE(parse_whole_number(""));
  EXPECT_FALSE(parse_whole_number("99999999999999999999"));
  EXPECT_EQ(parse_pounds("120"), 12000);
  EXPECT_EQ(parse_pounds("120.5"), 12050);
  EXPECT_EQ(parse_pounds("£1,200.05"), 120005);
  EXPECT_FALSE(parse_pounds("12.345"));
  EXPECT_FALSE(parse_pounds("-5"));
  EXPECT_FALSE(parse_pounds("ten"));
  EXPECT_FALSE(parse_pounds("5."));
  for (std::int64_t pence : {0, 5, 50, 9550, 120005}) EXPECT_EQ(parse_pounds(format_pounds(pence)), pence);
  EXPECT_EQ(format_pounds(9505), "95.05");
}

TEST(Numbers, CountsOver999HaveCommasAsPeopleReadThem) {
  EXPECT_EQ(count_text(0), "0");
  EXPECT_EQ(count_text(999), "999");
  EXPECT_EQ(count_text(1000), "1,000");
  EXPECT_EQ(count_text(2003), "2,003");
  EXPECT_EQ(count_text(760000), "760,000");
  EXPECT_EQ(count_text(1234567), "1,234,567");
  EXPECT_EQ(count_text(-1000), "-1,000");
  EXPECT_EQ(count_text(-999), "-999");
  EXPECT_EQ(count_text(std::numeric_limits<std::int64_t>::min()), "-9,223,372,036,854,775,808");
}
