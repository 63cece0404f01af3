#pragma once
// How repeated failed sign-ins slow down and then lock an e-mail address. The same rule applies
// whether or not an account exists for the address, so the answer never reveals which.
#include <chrono>
#include <optional>

#include "domain/kernel/time.hpp"

namespace waypoint::domain {

struct SignInThrottlePolicy {
  int slow_after = 3;  // failures before answers start to slow down
  int lock_after = 5;  // failures that lock the address
  std::chrono::milliseconds delay_step{250};
  std::chrono::milliseconds max_delay{2000};
  std::chrono::seconds lock_for{std::chrono::minutes(15)};
};

struct SignInFailures {
  int count = 0;
  std::optional<Instant> locked_until;
};

bool is_locked(const SignInFailures& f, Instant now);

// The state after one more failure at `now`.
SignInFailures after_failure(const SignInFailures& f, Instant now, const SignInThrottlePolicy& p = {});

// How long to hold the answer to an attempt, given the failures so far.
std::chrono::milliseconds answer_delay(const SignInFailures& f, const SignInThrottlePolicy& p = {});

}  // namespace waypoint::domain
