#pragma once
// The facts about a pupil that the access policy decides on, read once for every use case that
// touches a pupil: the subject the envelope loads for it.
#include <cstdint>
#include <optional>
#include <vector>

#include "app/kernel/actor.hpp"
#include "app/kernel/envelope.hpp"
#include "domain/pupils/pupil.hpp"
#include "store/kernel/database.hpp"
#include "store/outreach/outreach_store.hpp"
#include "store/placements/placement_store.hpp"

namespace waypoint::app {

// The pupil's school and its LA, and whether the actor is the pupil's parent or teaches them at a
// provider with an agreed or running placement.
domain::Scope scope_of(store::Connection& c, const Actor& a, const domain::Pupil& p);

// The pupil with that id and its scope, or nothing if there is no such pupil.
std::optional<Subject<domain::Pupil>> pupil_subject(store::Connection& c, const Actor& a, std::int64_t pupil_id);

// The placements of a pupil the actor may see, each through the pupil's scope: a provider sees only
// its own agreed ones.
std::vector<store::PlacementRecord> visible_placements_of(store::Connection& c, const Actor& a,
                                                          const Subject<domain::Pupil>& pupil);

// An outreach case is seen through its pupil: whoever arranged it stands as its commissioner, and
// only the named worker of an open case works it.
domain::Scope scope_of_outreach_case(domain::Scope pupil, const store::OutreachCaseRow& row, const Actor& a);

// The outreach cases of a pupil the actor may read, newest first, each through the pupil's scope:
// the school and its LA read every one, a worker their own open cases.
std::vector<store::OutreachCaseRow> visible_outreach_of(store::Connection& c, const Actor& a,
                                                        const Subject<domain::Pupil>& pupil);

// The envelope's loader for a use case on one pupil.
inline auto pupil_of(const Actor& a, std::int64_t pupil_id) {
  return [&a, pupil_id](store::Connection& c) { return pupil_subject(c, a, pupil_id); };
}

}  // namespace waypoint::app
