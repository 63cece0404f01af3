#pragma once
// The audit trail is a hash chain: each entry's hash covers the previous entry's hash and its own
// content, so altering, inserting or removing a row breaks every hash after it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace waypoint::domain {

struct AuditEntry {
  std::int64_t id = 0;
  std::string at;  // ISO-8601
  std::optional<std::int64_t> user_id;
  std::optional<std::int64_t> organisation_id;
  std::string action;  // e.g. "sign_in", "pupil.view", "user.create"
  std::string entity;  // e.g. "pupil", "user"; empty when none
  std::optional<std::int64_t> entity_id;
  std::optional<std::int64_t> pupil_id;  // set whenever the entry concerns a child's record
  std::string client;                    // client address
  std::string detail;                    // what changed, as JSON
  std::string prev_hash;
  std::string hash;
};

extern const std::string kAuditGenesisHash;

// The hash an entry must carry, given the hash of the entry before it.
std::string audit_entry_hash(const AuditEntry& e, const std::string& prev_hash);

struct ChainBreak {
  std::int64_t entry_id;
  std::string reason;
};

// Checks entries one at a time, in id order, so a chain of any length is verified in bounded memory.
class ChainVerifier {
 public:
  explicit ChainVerifier(std::string expected_prev = kAuditGenesisHash) : prev_(std::move(expected_prev)) {}
  std::optional<ChainBreak> check(const AuditEntry& e);
  std::int64_t checked() const { return checked_; }

 private:
  std::string prev_;
  std::int64_t checked_ = 0;
};

// Checks entries in id order; the first entry whose chain breaks, or nothing if all hold.
std::optional<ChainBreak> first_chain_break(const std::vector<AuditEntry>& entries,
                                            const std::string& expected_prev = kAuditGenesisHash);

}  // namespace waypoint::domain
