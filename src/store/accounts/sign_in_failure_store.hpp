#pragma once
#include <string>

#include "domain/accounts/sign_in_throttle.hpp"
#include "store/kernel/database.hpp"

namespace waypoint::store {

domain::SignInFailures find_sign_in_failures(Connection& c, const std::string& email);
void save_sign_in_failures(Connection& c, const std::string& email, const domain::SignInFailures& f,
                           const std::string& now);
void clear_sign_in_failures(Connection& c, const std::string& email);
// Forgets failures last seen before `cutoff` whose lock (if any) has run out by then.
void delete_sign_in_failures_before(Connection& c, const std::string& cutoff);

}  // namespace waypoint::store
