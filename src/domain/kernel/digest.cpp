#include "domain/kernel/digest.hpp"

#include <sodium.h>

#include <array>

namespace waypoint::domain {

std::string blake2b_keyed_hex(std::string_view bytes, std::string_view key) {
  std::array<unsigned char, 32> out{};
  crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                     key.empty() ? nullptr : reinterpret_cast<const unsigned char*>(key.data()), key.size());
  std::string hex(out.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), out.data(), out.size());
  hex.pop_back();
  return hex;
}

std::string blake2b_hex(std::string_view bytes) { return blake2b_keyed_hex(bytes, {}); }

}  // namespace waypoint::domain
