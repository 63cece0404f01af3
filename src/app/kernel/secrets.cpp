#include "app/kernel/secrets.hpp"

#include <sodium.h>

#include <array>
#include <stdexcept>
#include <vector>

#include "domain/kernel/digest.hpp"

namespace waypoint::app {
namespace {

struct SodiumInit {
  SodiumInit() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  }
};

void ensure_sodium() { static SodiumInit init; }

// Argon2id with 19 MiB and two passes, the setting OWASP's password storage guidance gives. The
// library's "interactive" setting took 64 MiB for every sign-in in progress, as much as the whole
// server otherwise holds at LA scale. Hashes made with other settings still verify and are made
// again at the next sign-in (password_needs_rehash).
constexpr unsigned long long kPasswordPasses = 2;
constexpr std::size_t kPasswordMemory = 19 * 1024 * 1024;

}  // namespace

std::string hash_password(std::string_view password) {
  ensure_sodium();
  std::array<char, crypto_pwhash_STRBYTES> out{};
  if (crypto_pwhash_str(out.data(), password.data(), password.size(), kPasswordPasses, kPasswordMemory) != 0)
    throw std::runtime_error("out of memory while hashing a password");
  return std::string(out.data());
}

bool verify_password(const std::string& hash, std::string_view password) {
  ensure_sodium();
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

bool password_needs_rehash(const std::string& hash) {
  ensure_sodium();
  return crypto_pwhash_str_needs_rehash(hash.c_str(), kPasswordPasses, kPasswordMemory) != 0;
}

const std::string& decoy_password_hash() {
  static const std::string decoy = hash_password(random_token());
  return decoy;
}

std::string random_token() {
  ensure_sodium();
  std::array<unsigned char, 32> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  std::string hex(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
  hex.pop_back();
  return hex;
}

std::string token_hash(std::string_view token) { return domain::blake2b_hex(token); }

bool same_secret(std::string_view a, std::string_view b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

namespace {

constexpr std::string_view kSealedPrefix = "sealed1:";

std::array<unsigned char, crypto_secretbox_KEYBYTES> sealing_key(std::string_view deployment_key,
                                                                 std::string_view purpose) {
  std::array<unsigned char, crypto_secretbox_KEYBYTES> key{};
  // BLAKE2b keys are at most 64 bytes: a longer key file is hashed down first.
  std::array<unsigned char, crypto_generichash_KEYBYTES_MAX> k{};
  crypto_generichash(k.data(), k.size(), reinterpret_cast<const unsigned char*>(deployment_key.data()),
                     deployment_key.size(), nullptr, 0);
  crypto_generichash(key.data(), key.size(), reinterpret_cast<const unsigned char*>(purpose.data()), purpose.size(),
                     k.data(), k.size());
  return key;
}

std::string hex_of(const unsigned char* bytes, std::size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes, n);
  out.pop_back();
  return out;
}

}  // namespace

std::string seal(std::string_view deployment_key, std::string_view purpose, std::string_view plain) {
  ensure_sodium();
  const auto key = sealing_key(deployment_key, purpose);
  std::vector<unsigned char> box(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plain.size());
  randombytes_buf(box.data(), crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(box.data() + crypto_secretbox_NONCEBYTES, reinterpret_cast<const unsigned char*>(plain.data()),
                        plain.size(), box.data(), key.data());
  return std::string(kSealedPrefix) + hex_of(box.data(), box.size());
}

std::optional<std::string> unseal(std::string_view deployment_key, std::string_view purpose, std::string_view sealed) {
  ensure_sodium();
  if (sealed.substr(0, kSealedPrefix.size()) != kSealedPrefix) return std::nullopt;
  const auto hex = sealed.substr(kSealedPrefix.size());
  std::vector<unsigned char> box(hex.size() / 2);
  std::size_t length = 0;
  if (sodium_hex2bin(box.data(), box.size(), hex.data(), hex.size(), nullptr, &length, nullptr) != 0 ||
      length < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
    return std::nullopt;
  const auto key = sealing_key(deployment_key, purpose);
  std::string plain(length - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()),
                                 box.data() + crypto_secretbox_NONCEBYTES, length - crypto_secretbox_NONCEBYTES,
                                 box.data(), key.data()) != 0)
    return std::nullopt;
  return plain;
}

}  // namespace waypoint::app
