#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/kernel/audit_chain.hpp"
#include "store/kernel/database.hpp"
#include "store/kernel/page.hpp"

namespace waypoint::store {

// Appends to the chain: takes the chain's lock, links to the last entry, numbers and hashes the new
// one. Must run inside the transaction of the change it records.
// Appends `e` to the chain, its hash keyed with the deployment's audit key.
domain::AuditEntry append_audit_entry(Connection& c, domain::AuditEntry e, std::string_view key);
// Appends several entries in their order, with one read of the chain's head and one write of it.
std::vector<domain::AuditEntry> append_audit_entries(Connection& c, std::vector<domain::AuditEntry> entries,
                                                     std::string_view key);

// Locks the chain until the transaction ends, so that appends and retention's disposal take turns,
// and answers its head: none before the first entry is written.
struct AuditChainHead {
  std::int64_t last_id = 0;
  std::string hash;
};
std::optional<AuditChainHead> lock_audit_chain(Connection& c);

// PostgreSQL only: appends `entries` after `expected`, the head the caller last saw, in a statement
// that goes with the transaction's BEGIN and COMMIT (each_row_later), so an entry written on its own
// costs one round trip instead of two (one to lock and read the head, one to write after it). The
// head's lock is then held only while the server runs that one message. The transaction must write
// nothing else. Once it commits, `appended` says whether the head was still `expected`: if it was
// not (another process or connection wrote first), nothing was written, and the caller appends
// again by append_audit_entries. Answers the entries as they would be written.
std::vector<domain::AuditEntry> append_audit_entries_after(Connection& c, std::vector<domain::AuditEntry> entries,
                                                           std::string_view key, const AuditChainHead& expected,
                                                           bool& appended);

// Where the trail starts once retention has disposed of its oldest entries: a checkpoint of the last
// entry disposed of (`entries` counts every entry disposed of so far), signed as checkpoints are.
std::optional<domain::AuditCheckpoint> audit_trail_start(Connection& c);
void save_audit_trail_start(Connection& c, const domain::AuditCheckpoint& start);

struct AuditHead {
  std::int64_t entries = 0;
  std::int64_t last_id = 0;
  std::string hash;  // of the last entry; the genesis hash when there is none
};
AuditHead audit_head(Connection& c);
// The hash entry `id` carries, if it exists.
std::optional<std::string> audit_hash_of(Connection& c, std::int64_t id);

struct AuditFilter {
  std::optional<std::int64_t> user_id;
  std::optional<std::int64_t> pupil_id;
  std::optional<std::string> from;   // ISO date, inclusive
  std::optional<std::string> until;  // ISO date, inclusive
};

// An entry as administrators read it: with the acting user's e-mail address.
struct AuditListing {
  domain::AuditEntry entry;
  std::string user_email;  // empty when nobody was signed in
};

// Newest first.
Page<AuditListing> search_audit(Connection& c, const AuditFilter& f, const PageRequest& page);

// The changes made to a provider's entry, its sites and its checks, newest first: who, when, what.
struct ProviderChange {
  std::string at;
  std::string action;
  std::string who;           // display name
  std::string organisation;  // theirs
  std::string detail;        // JSON
};
Page<ProviderChange> provider_history(Connection& c, std::int64_t provider_id, const PageRequest& page);

// Walks the whole chain in id order, a batch at a time; `visit` returns false to stop.
void walk_audit_chain(Connection& c, const std::function<bool(const domain::AuditEntry&)>& visit);

}  // namespace waypoint::store
