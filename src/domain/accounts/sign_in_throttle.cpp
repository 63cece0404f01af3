#include "domain/accounts/sign_in_throttle.hpp"

#include <algorithm>

namespace waypoint::domain {

bool is_locked(const SignInFailures& f, Instant now) { return f.locked_until && now < *f.locked_until; }

SignInFailures after_failure(const SignInFailures& f, Instant now, const SignInThrottlePolicy& p) {
  SignInFailures next = f;
  // A lock that has run out starts a fresh count, so one more slip does not re-lock at once.
  if (f.locked_until && now >= *f.locked_until) next = {};
  next.count += 1;
  if (next.count >= p.lock_after) next.locked_until = now + p.lock_for;
  return next;
}

std::chrono::milliseconds answer_delay(const SignInFailures& f, const SignInThrottlePolicy& p) {
  if (f.count < p.slow_after) return std::chrono::milliseconds(0);
  return std::min(p.max_delay, p.delay_step * (f.count - p.slow_after + 1));
}

}  // namespace waypoint::domain
