#include "store/accounts/second_factor_store.hpp"

namespace waypoint::store {

SecondFactorRecord find_second_factor(Connection& c, std::int64_t user_id) {
  auto r = c.query_one("SELECT totp_secret, totp_pending_secret, totp_last_step FROM users WHERE id = $1",
                       {integer(user_id)});
  if (!r) return {};
  return {r->opt_text(0), r->opt_text(1), r->opt_integer(2)};
}

void save_pending_secret(Connection& c, std::int64_t user_id, const std::string& secret) {
  c.exec("UPDATE users SET totp_pending_secret = $1 WHERE id = $2", {secret, integer(user_id)});
}

void enable_second_factor(Connection& c, std::int64_t user_id, const std::string& secret, std::int64_t step,
                          const std::string& now) {
  c.exec(
      "UPDATE users SET totp_secret = $1, totp_pending_secret = NULL, totp_enabled_at = $2, totp_last_step = $3 "
      "WHERE id = $4",
      {secret, now, integer(step), integer(user_id)});
}

void remove_second_factor(Connection& c, std::int64_t user_id) {
  c.exec(
      "UPDATE users SET totp_secret = NULL, totp_pending_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL "
      "WHERE id = $1",
      {integer(user_id)});
  c.exec("DELETE FROM recovery_codes WHERE user_id = $1", {integer(user_id)});
}

void record_totp_step(Connection& c, std::int64_t user_id, std::int64_t step) {
  c.exec("UPDATE users SET totp_last_step = $1 WHERE id = $2", {integer(step), integer(user_id)});
}

void replace_recovery_codes(Connection& c, std::int64_t user_id, const std::vector<std::string>& hashes) {
  c.exec("DELETE FROM recovery_codes WHERE user_id = $1", {integer(user_id)});
  for (const auto& h : hashes)
    c.exec("INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)", {integer(user_id), h});
}

bool use_recovery_code(Connection& c, std::int64_t user_id, const std::string& hash, const std::string& now) {
  auto r = c.query_one("SELECT id FROM recovery_codes WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL",
                       {integer(user_id), hash});
  if (!r) return false;
  c.exec("UPDATE recovery_codes SET used_at = $1 WHERE id = $2", {now, integer(r->integer(0))});
  return true;
}

int unused_recovery_codes(Connection& c, std::int64_t user_id) {
  auto r =
      c.query_one("SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL", {integer(user_id)});
  return r ? static_cast<int>(r->integer(0)) : 0;
}

void set_session_stage(Connection& c, const std::string& token_hash, const std::string& stage) {
  c.exec("UPDATE sessions SET stage = $1 WHERE token_hash = $2", {stage, token_hash});
}

}  // namespace waypoint::store
