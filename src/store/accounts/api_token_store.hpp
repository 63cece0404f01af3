#pragma once
#include <optional>
#include <string>
#include <vector>

#include "store/kernel/database.hpp"

namespace waypoint::store {

struct ApiTokenRow {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string label;
  std::string created_at;
  std::optional<std::string> last_used_at;
  std::string expires_at;
  std::optional<std::string> revoked_at;
};

std::int64_t insert_api_token(Connection& c, std::int64_t user_id, const std::string& token_hash,
                              const std::string& label, const std::string& now, const std::string& expires_at);
struct LiveToken {
  std::int64_t user_id = 0;
  std::optional<std::string> last_used_at;
};
// The live token with this hash: not revoked, and not run out at `now`.
std::optional<LiveToken> live_api_token(Connection& c, const std::string& token_hash, const std::string& now);
void mark_api_token_used(Connection& c, const std::string& token_hash, const std::string& now);
// A user's tokens, newest first, revoked and run out ones included.
std::vector<ApiTokenRow> api_tokens_of(Connection& c, std::int64_t user_id);
std::optional<ApiTokenRow> find_api_token(Connection& c, std::int64_t id);
void revoke_api_token(Connection& c, std::int64_t id, const std::string& now);
// Revokes every live token of the user; answers how many.
int revoke_api_tokens_of(Connection& c, std::int64_t user_id, const std::string& now);

}  // namespace waypoint::store
