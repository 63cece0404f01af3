#pragma once
// The audit trail is a hash chain: each entry's hash covers the previous entry's hash and its own
// content, so altering, inserting or removing a row breaks every hash after it. The hash is keyed
// with a key kept outside the database, so whoever can write the database cannot recompute the
// chain; signed checkpoints kept outside the database catch rows cut from its end.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
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

// The hash an entry must carry, given the hash of the entry before it, keyed with the deployment's
// audit key. An empty key gives the unkeyed hash that entries written before keys had.
std::string audit_entry_hash(const AuditEntry& e, const std::string& prev_hash, std::string_view key);

struct ChainBreak {
  std::int64_t entry_id;
  std::string reason;
};

// Checks entries one at a time, in id order, so a chain of any length is verified in bounded memory.
// Entries from before the trail was keyed verify unkeyed, but never after a keyed one.
class ChainVerifier {
 public:
  explicit ChainVerifier(std::string key, std::string expected_prev = kAuditGenesisHash)
      : key_(std::move(key)), prev_(std::move(expected_prev)) {}
  std::optional<ChainBreak> check(const AuditEntry& e);
  std::int64_t checked() const { return checked_; }

 private:
  std::string key_;
  std::string prev_;
  std::int64_t checked_ = 0;
  bool keyed_ = false;
};

// Checks entries in id order; the first entry whose chain breaks, or nothing if all hold.
std::optional<ChainBreak> first_chain_break(const std::vector<AuditEntry>& entries, const std::string& key,
                                            const std::string& expected_prev = kAuditGenesisHash);

// How long the trail was, and its last hash, at a moment: written outside the database and signed,
// so a trail cut short, or rewritten with every later hash recomputed, no longer matches it.
struct AuditCheckpoint {
  std::string at;  // ISO-8601
  std::int64_t entries = 0;
  std::int64_t last_id = 0;
  std::string head;       // the hash of entry `last_id`
  std::string signature;  // Ed25519 over the fields above, hex
};

// Signs with a key pair derived from the audit key (so there is one secret to keep).
AuditCheckpoint signed_checkpoint(AuditCheckpoint c, std::string_view key);
bool checkpoint_signed(const AuditCheckpoint& c, std::string_view key);
// One line of text, and back; nothing for a line that is not one.
std::string checkpoint_line(const AuditCheckpoint& c);
std::optional<AuditCheckpoint> parse_checkpoint_line(std::string_view line);

// The trail as it stands, against a checkpoint: `entry_hash` is the hash of entry `last_id` now (none if
// it is gone), `last_id_now` the last id the trail holds. Nothing when it matches.
std::optional<ChainBreak> compare_with_checkpoint(const AuditCheckpoint& c, std::optional<std::string> entry_hash,
                                                  std::int64_t last_id_now, std::int64_t after_id);

}  // namespace waypoint::domain
