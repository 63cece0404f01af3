#include <gtest/gtest.h>

#include "domain/session_lifetime.hpp"

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
