#pragma once
// Who may do what: the one place permissions are decided. Default deny: a use case that does not
// find its actor allowed here refuses.
#include <cstdint>
#include <optional>

#include "app/actor.hpp"

namespace waypoint::app {

// Throws Denied unless `allowed`.
void require(bool allowed);

bool may_administer(const Actor& a);
bool may_search_audit(const Actor& a);

// What decides whether a pupil's record is within someone's scope.
struct PupilScope {
  std::int64_t school_id = 0;
  std::optional<std::int64_t> school_local_authority_id;
  bool actor_is_guardian = false;
  bool placed_with_actor_provider = false;
};

bool may_view_pupil(const Actor& a, const PupilScope& p);

// The actor used by the command line, which is run by whoever operates the server.
Actor operator_actor();

}  // namespace waypoint::app
