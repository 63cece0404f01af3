#include <gtest/gtest.h>

#include "domain/accounts/sign_in_throttle.hpp"

using namespace waypoint::domain;
using namespace std::chrono;

namespace {

const Instant t0 = *parse_iso("2026-11-23T09:00:00Z");

SignInAttempts failures(int n, int free, Instant at = t0) {
  SignInAttempts a;
  for (int i = 0; i < n; ++i) a = after_failure(a, at, free);
  return a;
}

}  // namespace

TEST(SignInThrottle, FreeFailuresThenAWaitThatDoublesUpToItsCeiling) {
  SignInThrottlePolicy p;
  EXPECT_EQ(wait_left(failures(3, p.free_per_account), t0), 0s) << "the third slip costs nothing";
  EXPECT_EQ(wait_left(failures(4, p.free_per_account), t0), 2s);
  EXPECT_EQ(wait_left(failures(5, p.free_per_account), t0), 4s);
  EXPECT_EQ(wait_left(failures(6, p.free_per_account), t0), 8s);
  EXPECT_EQ(wait_left(failures(12, p.free_per_account), t0), 512s);
  EXPECT_EQ(wait_left(failures(13, p.free_per_account), t0), 900s) << "15 minutes at most";
  EXPECT_EQ(wait_left(failures(200, p.free_per_account), t0), 900s) << "no overflow however many";
}

TEST(SignInThrottle, TheWaitEndsToTheSecond) {
  const auto a = failures(5, 3);  // 4 seconds
  EXPECT_EQ(wait_left(a, t0 + 3s), 1s);
  EXPECT_EQ(wait_left(a, Instant{t0 + 3s}), 1s);
  EXPECT_EQ(wait_left(a, t0 + 4s), 0s);
}

TEST(SignInThrottle, SprayingFromOneAddressSlowsAfterTenFailuresAcrossAccounts) {
  SignInThrottlePolicy p;
  SignInAttempts address;
  for (int account = 0; account < 10; ++account) address = after_failure(address, t0, p.free_per_address);
  EXPECT_EQ(wait_left(address, t0), 0s);
  address = after_failure(address, t0, p.free_per_address);
  EXPECT_EQ(wait_left(address, t0), 2s);
  for (int account = 11; account < 60; ++account) address = after_failure(address, t0, p.free_per_address);
  EXPECT_EQ(wait_left(address, t0), 900s) << "60 guesses at 60 accounts end at the ceiling";
}

TEST(SignInThrottle, AccountsAreCountedPerAddressSoTheOwnerElsewhereIsNotHeldBack) {
  EXPECT_NE(account_key("dsl@oakfield.example", "203.0.113.9"), account_key("dsl@oakfield.example", "198.51.100.7"));
  EXPECT_NE(address_key("203.0.113.9"), account_key("dsl@oakfield.example", "203.0.113.9"));
}

TEST(SignInThrottle, WaitsReadAsPeopleSayThem) {
  EXPECT_EQ(wait_text(1s), "1 second");
  EXPECT_EQ(wait_text(8s), "8 seconds");
  EXPECT_EQ(wait_text(119s), "119 seconds");
  EXPECT_EQ(wait_text(120s), "2 minutes");
  EXPECT_EQ(wait_text(900s), "15 minutes");
  EXPECT_EQ(wait_text(121s), "3 minutes");
}
