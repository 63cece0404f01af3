#pragma once
#include <chrono>

#include "domain/kernel/time.hpp"

namespace waypoint::app {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual domain::Instant now() const = 0;
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

}  // namespace waypoint::app
