#pragma once
#include <string>
#include <string_view>

namespace waypoint::domain {

// BLAKE2b-256 of the bytes, as 64 lower-case hex digits.
std::string blake2b_hex(std::string_view bytes);

}  // namespace waypoint::domain
