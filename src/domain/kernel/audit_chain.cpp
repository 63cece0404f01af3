#include "domain/kernel/audit_chain.hpp"

#include <sodium.h>

#include <array>
#include <sstream>

#include "domain/kernel/digest.hpp"

namespace waypoint::domain {
namespace {

// Length-prefixed fields: no value can be crafted to look like two others.
void put(std::string& out, const std::string& value) {
  out += std::to_string(value.size());
  out += ':';
  out += value;
}

void put(std::string& out, const std::optional<std::int64_t>& value) {
  put(out, value ? std::to_string(*value) : std::string("-"));
}

std::string checkpoint_message(const AuditCheckpoint& c) {
  std::string m = "waypoint audit checkpoint\n";
  put(m, c.at);
  put(m, std::to_string(c.entries));
  put(m, std::to_string(c.last_id));
  put(m, c.head);
  return m;
}

using SigningKey = std::array<unsigned char, crypto_sign_SECRETKEYBYTES>;
using VerifyKey = std::array<unsigned char, crypto_sign_PUBLICKEYBYTES>;

// The signing pair is derived from the audit key, with its own label so the two uses never meet.
std::pair<VerifyKey, SigningKey> signing_pair(std::string_view key) {
  std::array<unsigned char, crypto_sign_SEEDBYTES> seed{};
  const std::string label = "waypoint audit checkpoint signing";
  crypto_generichash(seed.data(), seed.size(), reinterpret_cast<const unsigned char*>(label.data()), label.size(),
                     reinterpret_cast<const unsigned char*>(key.data()), key.size());
  VerifyKey pk{};
  SigningKey sk{};
  crypto_sign_seed_keypair(pk.data(), sk.data(), seed.data());
  sodium_memzero(seed.data(), seed.size());
  return {pk, sk};
}

}  // namespace

const std::string kAuditGenesisHash(64, '0');

std::string audit_entry_hash(const AuditEntry& e, const std::string& prev_hash, std::string_view key) {
  std::string content;
  put(content, prev_hash);
  put(content, std::to_string(e.id));
  put(content, e.at);
  put(content, e.user_id);
  put(content, e.organisation_id);
  put(content, e.action);
  put(content, e.entity);
  put(content, e.entity_id);
  put(content, e.pupil_id);
  put(content, e.client);
  put(content, e.detail);
  return blake2b_keyed_hex(content, key);
}

std::optional<ChainBreak> ChainVerifier::check(const AuditEntry& e) {
  if (e.prev_hash != prev_) return ChainBreak{e.id, "its previous-entry hash does not match the entry before it"};
  if (e.hash == audit_entry_hash(e, prev_, key_)) {
    keyed_ = true;
  } else if (keyed_ || e.hash != audit_entry_hash(e, prev_, {})) {
    return ChainBreak{e.id, "its content does not match its hash"};
  }
  prev_ = e.hash;
  ++checked_;
  return std::nullopt;
}

std::optional<ChainBreak> first_chain_break(const std::vector<AuditEntry>& entries, const std::string& key,
                                            const std::string& expected_prev) {
  ChainVerifier verifier(key, expected_prev);
  for (const auto& e : entries)
    if (auto broken = verifier.check(e)) return broken;
  return std::nullopt;
}

AuditCheckpoint signed_checkpoint(AuditCheckpoint c, std::string_view key) {
  auto [pk, sk] = signing_pair(key);
  const auto message = checkpoint_message(c);
  std::array<unsigned char, crypto_sign_BYTES> signature{};
  crypto_sign_detached(signature.data(), nullptr, reinterpret_cast<const unsigned char*>(message.data()),
                       message.size(), sk.data());
  sodium_memzero(sk.data(), sk.size());
  std::string hex(signature.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), signature.data(), signature.size());
  hex.pop_back();
  c.signature = hex;
  return c;
}

bool checkpoint_signed(const AuditCheckpoint& c, std::string_view key) {
  std::array<unsigned char, crypto_sign_BYTES> signature{};
  std::size_t length = 0;
  if (sodium_hex2bin(signature.data(), signature.size(), c.signature.data(), c.signature.size(), nullptr, &length,
                     nullptr) != 0 ||
      length != signature.size())
    return false;
  auto [pk, sk] = signing_pair(key);
  sodium_memzero(sk.data(), sk.size());
  const auto message = checkpoint_message(c);
  return crypto_sign_verify_detached(signature.data(), reinterpret_cast<const unsigned char*>(message.data()),
                                     message.size(), pk.data()) == 0;
}

std::string checkpoint_line(const AuditCheckpoint& c) {
  return c.at + " " + std::to_string(c.entries) + " " + std::to_string(c.last_id) + " " + c.head + " " + c.signature;
}

std::optional<AuditCheckpoint> parse_checkpoint_line(std::string_view line) {
  std::istringstream in{std::string(line)};
  AuditCheckpoint c;
  std::string rest;
  if (!(in >> c.at >> c.entries >> c.last_id >> c.head >> c.signature) || (in >> rest)) return std::nullopt;
  return c;
}

std::optional<ChainBreak> compare_with_checkpoint(const AuditCheckpoint& c, std::optional<std::string> entry_hash,
                                                  std::int64_t last_id_now, std::int64_t after_id) {
  if (c.last_id == 0) return std::nullopt;
  if (!entry_hash)
    return ChainBreak{last_id_now + 1, "entries " + std::to_string(last_id_now + 1) + " to " +
                                           std::to_string(c.last_id) + " were removed: the checkpoint of " + c.at +
                                           " counted " + std::to_string(c.entries) + " entries, ending with entry " +
                                           std::to_string(c.last_id)};
  if (*entry_hash != c.head)
    return ChainBreak{after_id + 1, "the trail was rewritten between entries " + std::to_string(after_id + 1) +
                                        " and " + std::to_string(c.last_id) + ": entry " + std::to_string(c.last_id) +
                                        " no longer has the hash the checkpoint of " + c.at + " signed"};
  return std::nullopt;
}

}  // namespace waypoint::domain
