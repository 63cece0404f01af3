#include <gtest/gtest.h>

#include <date/date.h>

#include "domain/accounts/session_lifetime.hpp"
#include "domain/kernel/time.hpp"

using namespace waypoint::domain;
using namespace std::chrono;

TEST(SessionLifetime, IdleAndAbsoluteLimitsEndExactlyAtTheirTime) {
  const SessionLifetime l{minutes(30), hours(12)};
  const Instant created = *parse_iso("2026-11-23T08:00:00Z");
  struct Case {
    const char* last_seen;
    const char* now;
    bool alive;
  };
  const Case cases[] = {
      {"2026-11-23T08:00:00Z", "2026-11-23T08:29:59Z", true},
      {"2026-11-23T08:00:00Z", "2026-11-23T08:30:00Z", false},  // idle limit reached
      {"2026-11-23T19:50:00Z", "2026-11-23T19:59:59Z", true},
      {"2026-11-23T19:50:00Z", "2026-11-23T20:00:00Z", false},  // absolute limit despite recent use
  };
  for (const auto& c : cases)
    EXPECT_EQ(session_alive(created, *parse_iso(c.last_seen), *parse_iso(c.now), l), c.alive) << c.now;
}

TEST(Time, IsoRoundTripAndRejectsNonsense) {
  EXPECT_EQ(to_iso(*parse_iso("2024-02-29T23:59:59Z")), "2024-02-29T23:59:59Z");
  EXPECT_FALSE(parse_iso("yesterday"));
  EXPECT_FALSE(parse_iso("2026-13-01T00:00:00Z"));
}

TEST(Time, EnglandsClocksGoForwardInMarchAndBackInOctober) {
  const auto local = [](const char* utc) {
    return date::format("%F %T", sys_seconds{uk_local_time(*parse_iso(utc)).time_since_epoch()});
  };
  EXPECT_EQ(local("2026-01-15T08:45:00Z"), "2026-01-15 08:45:00");
  // 2026: the last Sundays are 29 March and 25 October; the change is at 01:00 UTC.
  EXPECT_EQ(local("2026-03-29T00:59:59Z"), "2026-03-29 00:59:59");
  EXPECT_EQ(local("2026-03-29T01:00:00Z"), "2026-03-29 02:00:00");
  EXPECT_EQ(local("2026-06-30T23:30:00Z"), "2026-07-01 00:30:00");  // a day later in England
  EXPECT_EQ(local("2026-10-25T00:59:59Z"), "2026-10-25 01:59:59");
  EXPECT_EQ(local("2026-10-25T01:00:00Z"), "2026-10-25 01:00:00");
  // 2028 is a leap year: the 29 February is a winter day, and March's last Sunday is the 26th.
  EXPECT_EQ(local("2028-02-29T23:59:59Z"), "2028-02-29 23:59:59");
  EXPECT_EQ(local("2028-03-26T01:00:00Z"), "2028-03-26 02:00:00");
}

TEST(Time, AClockTimeInEnglandIsReadAsTheInstantItShows) {
  EXPECT_EQ(to_iso(*parse_uk_local("2026-11-23T09:20")), "2026-11-23T09:20:00Z");
  EXPECT_EQ(to_iso(*parse_uk_local("2026-06-15T09:20")), "2026-06-15T08:20:00Z");
  EXPECT_EQ(to_iso(*parse_uk_local("2026-10-25T01:30")), "2026-10-25T00:30:00Z");  // the first of two
  EXPECT_FALSE(parse_uk_local("2026-03-29T01:30").has_value());                    // skipped
  for (const char* bad :
       {"", "2026-11-23", "2026-11-23 09:20", "2026-11-23T9", "2026-02-30T09:00", "2026-11-23T09:20x"})
    EXPECT_FALSE(parse_uk_local(bad).has_value()) << bad;
}

TEST(Time, StoredInstantsAreShownOnEnglandsClock) {
  EXPECT_EQ(uk_time_text("2026-06-15T08:20:00Z"), "9:20am on 15 June 2026");  // British Summer Time
  EXPECT_EQ(uk_time_text("2026-11-23T09:20:59Z"), "9:20am on 23 November 2026");
  EXPECT_EQ(uk_time_text("2026-11-23T13:05:00Z"), "1:05pm on 23 November 2026");
  EXPECT_EQ(uk_time_text("2026-11-23T12:00:00Z"), "midday on 23 November 2026");
  EXPECT_EQ(uk_time_text("2026-06-14T23:00:00Z"), "midnight on 15 June 2026");
  EXPECT_EQ(uk_time_text("2028-02-29T00:30:00Z"), "12:30am on 29 February 2028");
  EXPECT_EQ(uk_time_text("not a time"), "not a time");
}
