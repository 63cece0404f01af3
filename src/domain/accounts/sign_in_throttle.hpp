#pragma once
// How failed sign-ins slow guessing without locking the owner out. Failures are counted twice: for
// an account from one address, and for an address across every account (so trying one password on
// many accounts, spraying, slows too). After a few free failures each key must wait before its next
// attempt, the wait doubling with each failure up to a ceiling; an attempt made too soon is
// answered at once, without checking the password, so nothing is learnt and no server thread
// sleeps. The owner signing in from another address is not held back by someone else's guesses.
// The same rule applies whether or not an account exists for the address typed.
#include <chrono>
#include <optional>
#include <string>

#include "domain/kernel/time.hpp"

namespace waypoint::domain {

struct SignInThrottlePolicy {
  int free_per_account = 3;   // failures for one account from one address before waits begin
  int free_per_address = 10;  // failures from one address, across accounts, before waits begin
  std::chrono::seconds first_wait{2};
  std::chrono::seconds longest_wait{std::chrono::minutes(15)};
  std::chrono::hours forget_after{24};  // a key untouched this long starts again
};

struct SignInAttempts {
  int failures = 0;
  std::optional<Instant> not_before;  // no attempt is considered before this
};

// The keys failures are counted under.
std::string account_key(const std::string& email, const std::string& address);
std::string address_key(const std::string& address);

// How long an attempt at `now` must still wait; zero when it may go ahead.
std::chrono::seconds wait_left(const SignInAttempts& a, Instant now);

// The state after one more failure at `now`, with `free` failures before waits begin.
SignInAttempts after_failure(const SignInAttempts& a, Instant now, int free, const SignInThrottlePolicy& p = {});

// "8 seconds", "2 minutes": how a wait reads in a message.
std::string wait_text(std::chrono::seconds wait);

}  // namespace waypoint::domain
