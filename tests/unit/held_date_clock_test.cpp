// The clock a training copy and the test suites run on (--today): the date given, the real time of
// day in England, the date held at midnight.
#include <gtest/gtest.h>

#include "app/kernel/clock.hpp"
#include "domain/kernel/calendar_date.hpp"

using namespace waypoint;

namespace {

domain::Instant real_now;
domain::Instant real() { return real_now; }

std::string held_at(const char* date, const char* real_iso) {
  real_now = *domain::parse_iso(real_iso);
  return domain::to_iso(app::HeldDateClock(std::chrono::local_days(*domain::parse_date(date)), &real).now());
}

}  // namespace

// A suite started at 23:59 on one day and still running at 00:01 the next: its servers and
// commands, whenever each started, stay on the date they were given.
TEST(HeldDateClock, TheDateHoldsAtMidnightAndTheTimeOfDayStartsAgain) {
  real_now = *domain::parse_iso("2026-12-04T23:59:30Z");
  const app::HeldDateClock clock(std::chrono::local_days(*domain::parse_date("2026-11-30")), &real);
  EXPECT_EQ(domain::to_iso(clock.now()), "2026-11-30T23:59:30Z");
  real_now = *domain::parse_iso("2026-12-05T00:00:30Z");
  EXPECT_EQ(domain::to_iso(clock.now()), "2026-11-30T00:00:30Z");
  EXPECT_EQ(domain::to_iso(clock.phone_time()), "2026-12-05T00:00:30Z") << "authenticator codes count real time";
}

// 11:00 in England is 10:00 UTC in summer time and 11:00 in winter: the time of day is England's
// on both sides, whichever side the real date and the date given are on.
TEST(HeldDateClock, TheTimeOfDayIsEnglandsInSummerTimeAndOut) {
  EXPECT_EQ(held_at("2026-11-30", "2027-08-15T10:00:00Z"), "2026-11-30T11:00:00Z");
  EXPECT_EQ(held_at("2027-08-15", "2026-11-30T11:00:00Z"), "2027-08-15T10:00:00Z");
  // Just after midnight in England in summer is still the evening before in UTC.
  EXPECT_EQ(held_at("2028-02-29", "2027-08-14T23:30:00Z"), "2028-02-29T00:30:00Z");
}
