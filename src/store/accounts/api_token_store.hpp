#pragma once
#include <optional>
#include <string>

#include "store/kernel/database.hpp"

namespace waypoint::store {

std::int64_t insert_api_token(Connection& c, std::int64_t user_id, const std::string& token_hash,
                              const std::string& label, const std::string& now);
// The user a live (not revoked) token belongs to.
std::optional<std::int64_t> user_of_api_token(Connection& c, const std::string& token_hash);
void mark_api_token_used(Connection& c, const std::string& token_hash, const std::string& now);

}  // namespace waypoint::store
