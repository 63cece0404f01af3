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

// The real time of day, on another date: `days` whole days from the real one. Lets a training
// copy, or a test suite, run the school calendar as of any day while sessions and timeouts still
// see time pass.
class ShiftedClock final : public Clock {
 public:
  explicit ShiftedClock(std::chrono::days days) : shift_(days) {}
  domain::Instant now() const override {
    const auto real = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    const auto shifted = real + shift_;
    // The same time on a clock in England: a shift from GMT into BST (or back) moves by that hour
    // too, or 23:30 in November would be 00:30 the next day on a date in July.
    const auto offset = [](domain::Instant t) {
      return domain::uk_local_time(t).time_since_epoch() - t.time_since_epoch();
    };
    return shifted + (offset(real) - offset(shifted));
  }
  domain::Instant phone_time() const override {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  }

 private:
  std::chrono::days shift_;
};

}  // namespace waypoint::app
