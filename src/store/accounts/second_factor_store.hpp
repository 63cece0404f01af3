#pragma once
#include <optional>
#include <string>
#include <vector>

#include "store/kernel/database.hpp"

namespace waypoint::store {

struct SecondFactorRecord {
  std::optional<std::string> secret;          // the confirmed TOTP secret, hex
  std::optional<std::string> pending_secret;  // offered on the enrolment page, not yet confirmed
  std::optional<std::int64_t> last_step;      // the last time step a code was accepted for
};

SecondFactorRecord find_second_factor(Connection& c, std::int64_t user_id);
void save_pending_secret(Connection& c, std::int64_t user_id, const std::string& secret);
// Confirms the pending secret as the user's second factor, with `step` used.
void enable_second_factor(Connection& c, std::int64_t user_id, const std::string& secret, std::int64_t step,
                          const std::string& now);
// Removes the authenticator (set up or pending) and every recovery code.
void remove_second_factor(Connection& c, std::int64_t user_id);
void record_totp_step(Connection& c, std::int64_t user_id, std::int64_t step);

// Replaces the user's recovery codes with these hashes.
void replace_recovery_codes(Connection& c, std::int64_t user_id, const std::vector<std::string>& hashes);
// Marks an unused code with this hash used; whether there was one.
bool use_recovery_code(Connection& c, std::int64_t user_id, const std::string& hash, const std::string& now);
int unused_recovery_codes(Connection& c, std::int64_t user_id);

void set_session_stage(Connection& c, const std::string& token_hash, const std::string& stage);

}  // namespace waypoint::store
