#pragma once
#include <chrono>

#include "domain/kernel/time.hpp"

namespace waypoint::app {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual domain::Instant now() const = 0;
  // The time a person's phone shows: what authenticator codes are counted from, even when the
  // service runs as of another date.
  virtual domain::Instant phone_time() const { return now(); }
};

class SystemClock final : public Clock {
 public:
  domain::Instant now() const override {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  }
};

// A clock stopped at one instant: for running the sweep as of a given time.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(domain::Instant at) : at_(at) {}
  domain::Instant now() const override { return at_; }

 private:
  domain::Instant at_;
};

// The real time of day in England, on one date: lets a training copy, or a test suite, run the
// school calendar as of a chosen day while sessions and timeouts still see time pass. The date holds
// at midnight (the time of day starts again on the same date), so that processes started either side
// of midnight, a server and the commands and tests beside it, agree on the day.
class HeldDateClock final : public Clock {
 public:
  using RealTime = domain::Instant (*)();
  explicit HeldDateClock(std::chrono::local_days date, RealTime real = &system_now) : date_(date), real_(real) {}
  domain::Instant now() const override {
    const auto real = real_();
    const auto shifted = real + (date_ - std::chrono::floor<std::chrono::days>(domain::uk_local_time(real)));
    // The same time on a clock in England: a date in BST seen from GMT (or back) moves by that hour
    // too, or 23:30 in November would be 00:30 the next day on a date in July.
    const auto offset = [](domain::Instant t) {
      return domain::uk_local_time(t).time_since_epoch() - t.time_since_epoch();
    };
    return shifted + (offset(real) - offset(shifted));
  }
  domain::Instant phone_time() const override { return real_(); }

 private:
  static domain::Instant system_now() {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  }
  std::chrono::local_days date_;
  RealTime real_;
};

}  // namespace waypoint::app
