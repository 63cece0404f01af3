#pragma once
// Leases in the database: a named piece of work that one process at a time may do.
#include <string>

#include "store/kernel/database.hpp"

namespace waypoint::store {

// Takes the lease `name` for `holder` until `until`, or renews it, when it is free, already the
// holder's, or ran out before `now` (times as ISO 8601 UTC text). Answers whether `holder` has it.
// One statement, so two processes asking at once cannot both be told yes.
bool hold_lease(Connection& c, const std::string& name, const std::string& holder, const std::string& now,
                const std::string& until);

// Gives the lease up, if `holder` has it, so another process need not wait for it to run out.
void release_lease(Connection& c, const std::string& name, const std::string& holder);

}  // namespace waypoint::store
