#include "domain/kernel/audit_chain.hpp"

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

}  // namespace

const std::string kAuditGenesisHash(64, '0');

std::string audit_entry_hash(const AuditEntry& e, const std::string& prev_hash) {
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
  return blake2b_hex(content);
}

std::optional<ChainBreak> ChainVerifier::check(const AuditEntry& e) {
  if (e.prev_hash != prev_) return ChainBreak{e.id, "its previous-entry hash does not match the entry before it"};
  if (e.hash != audit_entry_hash(e, prev_)) return ChainBreak{e.id, "its content does not match its hash"};
  prev_ = e.hash;
  ++checked_;
  return std::nullopt;
}

std::optional<ChainBreak> first_chain_break(const std::vector<AuditEntry>& entries, const std::string& expected_prev) {
  ChainVerifier verifier(expected_prev);
  for (const auto& e : entries)
    if (auto broken = verifier.check(e)) return broken;
  return std::nullopt;
}

}  // namespace waypoint::domain
