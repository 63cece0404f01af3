#pragma once
// Work that runs outside the envelope, because there is nobody yet to ask the policy about or the
// subject is the signed-in person's own account: proving who someone is (signing in, a second
// factor, an API token), their own password and authenticator, and the server's own sweeps and
// mail. Every other use case runs in the envelope (envelope.hpp); tests/unit/envelope_rule_test.cpp
// names the files allowed to use these and fails if any other file in app/ opens a transaction.
#include "app/kernel/services.hpp"
#include "store/kernel/database.hpp"

namespace waypoint::app {

template <class Work>
void unguarded_transaction(const Services& s, Work work) {
  s.db.transaction(work);
}

template <class Work>
void unguarded_read(const Services& s, Work work) {
  s.db.with_connection(work);
}

}  // namespace waypoint::app
