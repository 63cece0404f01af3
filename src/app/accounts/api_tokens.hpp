#pragma once
// API tokens: named, each running out (90 days unless its maker says otherwise, a year at most),
// listed with their last use, revoked by their owner or an administrator, and all revoked when
// the owner's password is reset or changed. A token itself is shown once and stored only as its
// hash.
#include <optional>
#include <string>
#include <vector>

#include "app/kernel/actor.hpp"
#include "app/kernel/services.hpp"
#include "store/accounts/api_token_store.hpp"

namespace waypoint::app {

constexpr int kTokenDaysDefault = 90;
constexpr int kTokenDaysMost = 365;

// The user a live bearer token belongs to. Its last use is recorded, at most once a minute.
std::optional<Actor> actor_for_api_token(const Services& s, const std::string& token, const std::string& client);

// A new token for the signed-in user; `days` blank means the default. The token, shown once.
std::string create_own_api_token(const Services& s, const Actor& a, const std::string& label, const std::string& days);

// The same from the command line, for the user with this e-mail address.
std::string create_api_token(const Services& s, const std::string& email, const std::string& label, int days);

// A user's tokens: one's own, or anyone's for an administrator.
std::vector<store::ApiTokenRow> api_tokens_of(const Services& s, const Actor& a, std::int64_t user_id);

// Revokes one token of `user_id`'s: by its owner or an administrator; anyone else is told it does not exist.
void revoke_api_token(const Services& s, const Actor& a, std::int64_t user_id, std::int64_t token_id);

}  // namespace waypoint::app
