#pragma once
#include <chrono>

#include "domain/time.hpp"

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

}  // namespace waypoint::app
