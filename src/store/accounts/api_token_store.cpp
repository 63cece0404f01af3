#include "store/accounts/api_token_store.hpp"

namespace waypoint::store {
namespace {

constexpr const char* kApiTokenSelect =
    "SELECT id, user_id, label, created_at, last_used_at, expires_at, revoked_at FROM api_tokens ";

ApiTokenRow api_token_from_row(const Row& r) {
  return {r.integer(0), r.integer(1), r.text(2), r.text(3), r.opt_text(4), r.opt_text(5).value_or(""), r.opt_text(6)};
}

}  // namespace

std::int64_t insert_api_token(Connection& c, std::int64_t user_id, const std::string& token_hash,
                              const std::string& label, const std::string& now, const std::string& expires_at) {
  return c.insert(
      "INSERT INTO api_tokens (user_id, token_hash, label, created_at, expires_at) VALUES ($1, $2, $3, $4, $5) "
      "RETURNING id",
      {integer(user_id), token_hash, label, now, expires_at});
}

std::optional<LiveToken> live_api_token(Connection& c, const std::string& token_hash, const std::string& now) {
  auto r = c.query_one(
      "SELECT user_id, last_used_at FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > $2",
      {token_hash, now});
  if (!r) return std::nullopt;
  return LiveToken{r->integer(0), r->opt_text(1)};
}

void mark_api_token_used(Connection& c, const std::string& token_hash, const std::string& now) {
  c.exec("UPDATE api_tokens SET last_used_at = $1 WHERE token_hash = $2", {now, token_hash});
}

std::vector<ApiTokenRow> api_tokens_of(Connection& c, std::int64_t user_id) {
  return map_rows(c.query(std::string(kApiTokenSelect) + "WHERE user_id = $1 ORDER BY id DESC", {integer(user_id)}),
                  api_token_from_row);
}

std::optional<ApiTokenRow> find_api_token(Connection& c, std::int64_t id) {
  if (auto r = c.query_one(std::string(kApiTokenSelect) + "WHERE id = $1", {integer(id)}))
    return api_token_from_row(*r);
  return std::nullopt;
}

void revoke_api_token(Connection& c, std::int64_t id, const std::string& now) {
  c.exec("UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL", {now, integer(id)});
}

int revoke_api_tokens_of(Connection& c, std::int64_t user_id, const std::string& now) {
  const auto live =
      c.query_one("SELECT COUNT(*) FROM api_tokens WHERE user_id = $1 AND revoked_at IS NULL", {integer(user_id)});
  c.exec("UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL", {now, integer(user_id)});
  return live ? static_cast<int>(live->integer(0)) : 0;
}

}  // namespace waypoint::store
