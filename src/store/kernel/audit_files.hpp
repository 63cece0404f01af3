#pragma once
// What keeps the audit trail honest lives outside the database: the key its hashes are keyed with,
// and the signed checkpoints of its length and head. Whoever can rewrite the database cannot
// rewrite these as well without also having the server's files.
#include <filesystem>
#include <string>
#include <vector>

#include "domain/kernel/audit_chain.hpp"

namespace waypoint::store {

// The 32-byte key in `path`, made (readable by its owner only) the first time.
std::string load_or_create_audit_key(const std::filesystem::path& path);

// Appends one checkpoint line and flushes it to disk.
void append_checkpoint(const std::filesystem::path& path, const domain::AuditCheckpoint& c);

struct CheckpointFile {
  std::vector<domain::AuditCheckpoint> checkpoints;  // in the order written
  std::vector<int> unreadable_lines;                 // 1-based line numbers that are not checkpoints
};
// Every checkpoint in `path`; an empty file when there is none yet.
CheckpointFile read_checkpoints(const std::filesystem::path& path);

// Where the key and checkpoints live when the deployment does not say: beside an SQLite database,
// or, for PostgreSQL, in the working folder under a name drawn from the connection string.
std::filesystem::path default_audit_key_path(const std::string& database_url);
std::filesystem::path default_checkpoint_path(const std::string& database_url);

}  // namespace waypoint::store
