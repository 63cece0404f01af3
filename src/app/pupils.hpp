#pragma once
#include "app/actor.hpp"
#include "app/services.hpp"
#include "domain/pupil.hpp"
#include "store/page.hpp"

namespace waypoint::app {

// The pupils within the actor's scope.
store::Page<domain::Pupil> list_pupils(const Services& s, const Actor& a, const store::PageRequest& page);

// One pupil's record. Out of scope answers NotFound (so ids reveal nothing) and is audited.
domain::Pupil view_pupil(const Services& s, const Actor& a, std::int64_t pupil_id);

}  // namespace waypoint::app
