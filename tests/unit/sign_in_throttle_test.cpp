#include <gtest/gtest.h>

#include "domain/accounts/sign_in_throttle.hpp"

using namespace waypoint::domain;
using namespace std::chrono;

namespace {
const Instant t0 = *parse_iso("2026-11-23T09:00:00Z");
}

TEST(SignInThrottle, NoDelayBeforeSlowAfterThenGrowingAndCapped) {
  SignInThrottlePolicy p;
  EXPECT_EQ(answer_delay({0, {}}, p), 0ms);
  EXPECT_EQ(answer_delay({2, {}}, p), 0ms);
  EXPECT_EQ(answer_delay({3, {}}, p), 250ms);
  EXPECT_EQ(answer_delay({4, {}}, p), 500ms);
  EXPECT_EQ(answer_delay({100, {}}, p), 2000ms);
}

TEST(SignInThrottle, LocksOnTheFifthFailureForFifteenMinutes) {
  SignInFailures f;
  for (int i = 0; i < 4; ++i) f = after_failure(f, t0);
  EXPECT_EQ(f.count, 4);
  EXPECT_FALSE(is_locked(f, t0));
  f = after_failure(f, t0);
  EXPECT_TRUE(is_locked(f, t0));
  EXPECT_TRUE(is_locked(f, t0 + minutes(15) - seconds(1)));
  EXPECT_FALSE(is_locked(f, t0 + minutes(15)));  // the lock ends exactly at its time
}

TEST(SignInThrottle, AFailureAfterALockRanOutStartsAFreshCount) {
  SignInFailures f;
  for (int i = 0; i < 5; ++i) f = after_failure(f, t0);
  f = after_failure(f, t0 + minutes(16));
  EXPECT_EQ(f.count, 1);
  EXPECT_FALSE(is_locked(f, t0 + minutes(16)));
}
