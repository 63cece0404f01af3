#include "store/accounts/session_store.hpp"

#include "store/accounts/organisation_store.hpp"
#include "store/accounts/user_store.hpp"

namespace waypoint::store {

void insert_session(Connection& c, const SessionRecord& s) {
  c.exec(
      "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, stage) "
      "VALUES ($1, $2, $3, $4, $5, $6)",
      {s.token_hash, integer(s.user_id), s.csrf_token, s.created_at, s.last_seen_at, s.stage});
}

std::optional<SessionHolder> find_session_with_holder(Connection& c, const std::string& token_hash) {
  // The user's and organisation's columns are in the order user_from_row and organisation_from_row read.
  auto r = c.query_one(
      "SELECT s.token_hash, s.user_id, s.csrf_token, s.created_at, s.last_seen_at, s.stage, "
      "u.id, u.email, u.display_name, u.role, u.organisation_id, u.password_hash, u.disabled_at, "
      "o.id, o.kind, o.name, o.parent_id, o.urn, o.ukprn, o.disabled_at "
      "FROM sessions s LEFT JOIN users u ON u.id = s.user_id LEFT JOIN organisations o ON o.id = u.organisation_id "
      "WHERE s.token_hash = $1",
      {token_hash});
  if (!r) return std::nullopt;
  SessionHolder h{
      {r->text(0), r->integer(1), r->text(2), r->text(3), r->text(4), r->text(5)}, std::nullopt, std::nullopt};
  if (!r->is_null(6)) h.user = user_from_row(*r, 6);
  if (!r->is_null(13)) h.organisation = organisation_from_row(*r, 13);
  return h;
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
