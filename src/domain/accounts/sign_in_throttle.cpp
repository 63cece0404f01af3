#include "domain/accounts/sign_in_throttle.hpp"

#include <algorithm>

namespace waypoint::domain {

std::string account_key(const std::string& email, const std::string& address) {
  return "account:" + email + " from " + address;
}

std::string address_key(const std::string& address) { return "address:" + address; }

std::chrono::seconds wait_left(const SignInAttempts& a, Instant now) {
  if (!a.not_before || now >= *a.not_before) return std::chrono::seconds(0);
  return std::chrono::ceil<std::chrono::seconds>(*a.not_before - now);
}

SignInAttempts after_failure(const SignInAttempts& a, Instant now, int free, const SignInThrottlePolicy& p) {
  SignInAttempts next{a.failures + 1, std::nullopt};
  const int over = next.failures - free;
  if (over <= 0) return next;
  // Doubling from the first wait; the exponent is capped before it can overflow.
  auto wait = p.first_wait * (1LL << std::min(over - 1, 20));
  next.not_before = now + std::min<std::chrono::seconds>(wait, p.longest_wait);
  return next;
}

std::string wait_text(std::chrono::seconds wait) {
  if (wait < std::chrono::seconds(120)) {
    const auto n = wait.count();
    return std::to_string(n) + (n == 1 ? " second" : " seconds");
  }
  const auto minutes = (wait.count() + 59) / 60;
  return std::to_string(minutes) + " minutes";
}

}  // namespace waypoint::domain
