#pragma once
// Whether a pupil's record is within the actor's scope: decided here for every use case that
// touches a pupil, and audited the same way everywhere.
#include <cstdint>
#include <string>

#include "app/kernel/access.hpp"
#include "app/kernel/actor.hpp"
#include "app/kernel/services.hpp"
#include "domain/pupils/pupil.hpp"
#include "store/kernel/database.hpp"

namespace waypoint::app {

PupilScope scope_of(store::Connection& c, const Actor& a, const domain::Pupil& p);

// In its own transaction: reads the pupil, decides the actor's scope and audits the read as
// `action` (or `action` + "_refused"). Out of scope, or unknown, throws NotFound after the refusal
// is committed, so an id reveals nothing and the attempt stays on the trail. Call it before the
// transaction of the work itself.
domain::Pupil require_pupil(const Services& s, const Actor& a, std::int64_t pupil_id, const std::string& action);

}  // namespace waypoint::app
