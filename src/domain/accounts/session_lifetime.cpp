#include "domain/accounts/session_lifetime.hpp"

namespace waypoint::domain {

bool session_alive(Instant created, Instant last_seen, Instant now, const SessionLifetime& l) {
  return now < last_seen + l.idle && now < created + l.absolute;
}

}  // namespace waypoint::domain
