#pragma once
// Password hashing (argon2id) and random tokens. Tokens are stored only as their BLAKE2b hash.
#include <string>
#include <string_view>

namespace waypoint::app {

std::string hash_password(std::string_view password);
bool verify_password(const std::string& hash, std::string_view password);
// A hash that verifies nothing, used to spend the same time on unknown addresses.
const std::string& decoy_password_hash();

// 32 random bytes as hex.
std::string random_token();
std::string token_hash(std::string_view token);
bool same_secret(std::string_view a, std::string_view b);  // constant time

}  // namespace waypoint::app
