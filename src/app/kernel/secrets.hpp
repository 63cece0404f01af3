#pragma once
// Password hashing (argon2id), random tokens and sealed secrets. Tokens are stored only as their BLAKE2b hash.
#include <optional>
#include <string>
#include <string_view>

namespace waypoint::app {

std::string hash_password(std::string_view password);
bool verify_password(const std::string& hash, std::string_view password);
// Made with other settings than hash_password uses now.
bool password_needs_rehash(const std::string& hash);
// A hash that verifies nothing, used to spend the same time on unknown addresses.
const std::string& decoy_password_hash();

// 32 random bytes as hex.
std::string random_token();
std::string token_hash(std::string_view token);
bool same_secret(std::string_view a, std::string_view b);  // constant time

// Secrets Waypoint must read back (authenticator keys) are stored sealed with a key derived from
// the deployment's key file, which is kept outside the database: a copy of the database alone
// does not give them away. `purpose` separates the keys derived for different kinds of secret.
std::string seal(std::string_view deployment_key, std::string_view purpose, std::string_view plain);
// The sealed secret, or nothing if it was not sealed with this key for this purpose.
std::optional<std::string> unseal(std::string_view deployment_key, std::string_view purpose, std::string_view sealed);

}  // namespace waypoint::app
