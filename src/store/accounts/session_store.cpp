#include "store/accounts/session_store.hpp"

namespace waypoint::store {

void insert_session(Connection& c, const SessionRecord& s) {
  c.exec(
      "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, stage) "
      "VALUES ($1, $2, $3, $4, $5, $6)",
      {s.token_hash, integer(s.user_id), s.csrf_token, s.created_at, s.last_seen_at, s.stage});
}

std::optional<SessionRecord> find_session(Connection& c, const std::string& token_hash) {
  auto r = c.query_one(
      "SELECT token_hash, user_id, csrf_token, created_at, last_seen_at, stage FROM sessions WHERE token_hash = $1",
      {token_hash});
  if (!r) return std::nullopt;
  return SessionRecord{r->text(0), r->integer(1), r->text(2), r->text(3), r->text(4), r->text(5)};
}

void touch_session(Connection& c, const std::string& token_hash, const std::string& now) {
  c.exec("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2", {now, token_hash});
}

void delete_session(Connection& c, const std::string& token_hash) {
  c.exec("DELETE FROM sessions WHERE token_hash = $1", {token_hash});
}

void delete_sessions_of_user(Connection& c, std::int64_t user_id) {
  c.exec("DELETE FROM sessions WHERE user_id = $1", {integer(user_id)});
}

std::int64_t delete_sessions_idle_since(Connection& c, const std::string& cutoff) {
  return static_cast<std::int64_t>(
      c.query("DELETE FROM sessions WHERE last_seen_at < $1 RETURNING user_id", {cutoff}).size());
}

}  // namespace waypoint::store
