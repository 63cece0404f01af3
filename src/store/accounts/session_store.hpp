#pragma once
#include <optional>
#include <string>

#include "domain/accounts/account.hpp"
#include "store/kernel/database.hpp"

namespace waypoint::store {

struct SessionRecord {
  std::string token_hash;
  std::int64_t user_id = 0;
  std::string csrf_token;
  std::string created_at;
  std::string last_seen_at;
  std::string stage = "signed_in";  // see domain::SessionStage
};

// A session with the person it is for and their organisation, read together: every signed-in
// request starts with this, and on PostgreSQL each read is a round trip.
struct SessionHolder {
  SessionRecord session;
  std::optional<domain::User> user;  // none once the account is gone
  std::optional<domain::Organisation> organisation;
};

void insert_session(Connection& c, const SessionRecord& s);
std::optional<SessionHolder> find_session_with_holder(Connection& c, const std::string& token_hash);
void touch_session(Connection& c, const std::string& token_hash, const std::string& now);
void delete_session(Connection& c, const std::string& token_hash);
void delete_sessions_of_user(Connection& c, std::int64_t user_id);
// Removes sessions idle since before `cutoff`; returns how many.
std::int64_t delete_sessions_idle_since(Connection& c, const std::string& cutoff);

}  // namespace waypoint::store
