#pragma once
// Backups an operator can trust: one file holding a consistent copy of the whole database and a
// manifest of what it holds (when, which schema, every table's rows, the audit trail's head, and a
// checksum of the copy), and a restore that refuses a damaged file or one from a newer Waypoint and
// proves what it restored (the same rows, the audit chain intact).
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "app/kernel/audit_trail.hpp"
#include "app/kernel/services.hpp"
#include "store/kernel/backup_store.hpp"

namespace waypoint::app {

struct BackupManifest {
  int format = 1;
  std::string made_at;  // UTC, ISO 8601
  std::string engine;   // sqlite or postgres: a copy restores into the engine it came from
  store::CopyContents contents;
  std::uintmax_t copy_bytes = 0;
  std::string copy_checksum;  // BLAKE2b-256 of the copy, hex
};

// Writes a backup of the database `s` works on (at `url`) to `to`, replacing nothing until it is
// whole; the copy is recorded in the audit trail.
BackupManifest make_backup(const Services& s, const std::string& url, const std::filesystem::path& to);

// A backup each night, a setting of `serve`: into `dir`, once the time in England reaches
// `minute_of_day`, keeping the newest `keep` files the schedule made.
struct BackupSchedule {
  std::filesystem::path dir;  // empty: no scheduled backups
  int minute_of_day = 2 * 60;
  int keep = 14;
};

// The file the schedule writes for `day`: DIR/waypoint-YYYY-MM-DD.backup.
std::filesystem::path scheduled_backup_file(const BackupSchedule& schedule, std::chrono::year_month_day day);

// Makes today's scheduled backup if its time has come and it is not made yet, then removes the
// schedule's files beyond the newest `keep`. Answers whether it made one.
bool make_scheduled_backup(const Services& s, const std::string& url, const BackupSchedule& schedule);

struct RestoreReport {
  BackupManifest manifest;
  ChainReport chain;  // the restored audit trail checked against its key and checkpoints
  // Checkpoints signed after the backup vouch for entries the restored trail does not have: they
  // are kept in a file of their own, and the checkpoint file goes on from the backup's moment.
  std::size_t later_checkpoints = 0;
  std::filesystem::path later_checkpoints_file;
};

// Restores the backup `from` into the empty database at `url` (which `s` names, with the audit key
// and checkpoints of the deployment the backup came from). Throws Invalid, naming the problem, for
// a damaged file, a newer schema, another engine or a database that is not empty, before anything
// is written; and DatabaseError when what was restored differs from the manifest.
RestoreReport restore_backup(const Services& s, const std::string& url, const std::filesystem::path& from);

}  // namespace waypoint::app
