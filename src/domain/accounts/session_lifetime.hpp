#pragma once
#include <chrono>

#include "domain/kernel/time.hpp"

namespace waypoint::domain {

struct SessionLifetime {
  std::chrono::seconds idle{std::chrono::minutes(30)};
  std::chrono::seconds absolute{std::chrono::hours(12)};
};

// A session ends after `idle` without a request, or `absolute` after sign-in, whichever is first.
bool session_alive(Instant created, Instant last_seen, Instant now, const SessionLifetime& l);

}  // namespace waypoint::domain
