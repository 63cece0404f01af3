#pragma once
#include <string>

#include "domain/accounts/sign_in_throttle.hpp"
#include "store/kernel/database.hpp"

namespace waypoint::store {

domain::SignInAttempts find_sign_in_attempts(Connection& c, const std::string& key);
void save_sign_in_attempts(Connection& c, const std::string& key, const domain::SignInAttempts& a,
                           const std::string& now);
void clear_sign_in_attempts(Connection& c, const std::string& key);
// Forgets keys whose last failure was before `cutoff` and which may be tried again by then.
void delete_sign_in_attempts_before(Connection& c, const std::string& cutoff);

}  // namespace waypoint::store
