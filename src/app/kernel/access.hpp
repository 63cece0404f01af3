#pragma once
// The use cases' door to the access policy in domain/kernel/access_policy: they describe the actor
// and the record, the policy decides. No role is compared here or anywhere else in app/.
#include <cstdint>

#include "app/kernel/actor.hpp"
#include "domain/kernel/access_policy.hpp"

namespace waypoint::app {

domain::Principal principal_of(const Actor& a);

// Whether the policy allows `a` to do `action` to a record with `scope`: for what a page offers.
// Doing it goes through the envelope, which asks again and audits.
bool allowed(const Actor& a, domain::Action action, const domain::Scope& scope = {});

// The actor used by the command line, which is run by whoever operates the server.
Actor operator_actor();

}  // namespace waypoint::app
