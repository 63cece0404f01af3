#pragma once
// The facts about a pupil that the access policy decides on, read once for every use case that
// touches a pupil, and the audited check that the actor may see them.
#include <cstdint>
#include <string>

#include "app/kernel/access.hpp"
#include "app/kernel/actor.hpp"
#include "app/kernel/services.hpp"
#include "domain/pupils/pupil.hpp"
#include "store/kernel/database.hpp"

namespace waypoint::app {

// The pupil's school and its LA, and whether the actor is the pupil's parent or teaches them at a
// provider with an agreed or running placement.
domain::Scope scope_of(store::Connection& c, const Actor& a, const domain::Pupil& p);

// Whether the policy allows `action` on the pupil's record, read on a connection of its own.
bool allowed_on_pupil(const Services& s, const Actor& a, const domain::Pupil& p, domain::Action action);

// In its own transaction: reads the pupil, asks the policy whether the actor sees them and audits
// the read as `action` (or `action` + "_refused"). Out of scope, or unknown, throws NotFound after
// the refusal is committed, so an id reveals nothing and the attempt stays on the trail. Call it
// before the transaction of the work itself.
domain::Pupil require_pupil(const Services& s, const Actor& a, std::int64_t pupil_id, const std::string& action);

}  // namespace waypoint::app
