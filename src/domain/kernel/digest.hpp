#pragma once
#include <string>
#include <string_view>

namespace waypoint::domain {

// BLAKE2b-256 of the bytes, as 64 lower-case hex digits.
std::string blake2b_hex(std::string_view bytes);
// The same keyed with `key` (16 to 64 bytes): only a holder of the key can compute it.
std::string blake2b_keyed_hex(std::string_view bytes, std::string_view key);

}  // namespace waypoint::domain
