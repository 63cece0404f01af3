#pragma once
// What the school is told when it sends an invitation to Waypoint, to a parent or carer or to the
// pupil themselves.
#include <cstdint>
#include <optional>
#include <string>

namespace waypoint::app {

struct InvitationSent {
  std::int64_t id = 0;
  std::string expires_at;
  // The link itself, only when this Waypoint has no mail set up: the school passes it on.
  std::optional<std::string> link;
};

}  // namespace waypoint::app
