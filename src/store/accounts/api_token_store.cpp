#include "store/accounts/api_token_store.hpp"

namespace waypoint::store {

std::int64_t insert_api_token(Connection& c, std::int64_t user_id, const std::string& token_hash,
                              const std::string& label, const std::string& now) {
  return c.insert(
      "INSERT INTO api_tokens (user_id, token_hash, label, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
      {integer(user_id), token_hash, label, now});
}

std::optional<std::int64_t> user_of_api_token(Connection& c, const std::string& token_hash) {
  auto r = c.query_one("SELECT user_id FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL", {token_hash});
  if (!r) return std::nullopt;
  return r->integer(0);
}

void mark_api_token_used(Connection& c, const std::string& token_hash, const std::string& now) {
  c.exec("UPDATE api_tokens SET last_used_at = $1 WHERE token_hash = $2", {now, token_hash});
}

}  // namespace waypoint::store
