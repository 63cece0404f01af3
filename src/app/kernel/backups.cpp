#include "app/kernel/backups.hpp"

#include <sodium.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <nlohmann/json.hpp>

#include "app/kernel/access.hpp"
#include "app/kernel/audit.hpp"
#include "app/kernel/errors.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "store/kernel/audit_files.hpp"
#include "store/kernel/migrations.hpp"

namespace waypoint::app {
namespace {

// The file: this line, the manifest as one line of JSON, then the copy's bytes.
constexpr std::string_view kFirstLine = "WAYPOINT BACKUP\n";

namespace fs = std::filesystem;

// Streams `in` (to its end) into `out` when given, answering the bytes' count and BLAKE2b-256:
// a national copy is gigabytes, so it is never held in memory.
std::pair<std::uintmax_t, std::string> stream_and_hash(std::istream& in, std::ostream* out) {
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, crypto_generichash_BYTES);
  std::array<char, 1 << 16> buffer{};
  std::uintmax_t total = 0;
  while (in) {
    in.read(buffer.data(), buffer.size());
    const auto n = in.gcount();
    if (n <= 0) break;
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(buffer.data()),
                              static_cast<unsigned long long>(n));
    if (out) out->write(buffer.data(), n);
    total += static_cast<std::uintmax_t>(n);
  }
  std::array<unsigned char, crypto_generichash_BYTES> digest{};
  crypto_generichash_final(&state, digest.data(), digest.size());
  std::string hex(digest.size() * 2, '\0');
  sodium_bin2hex(hex.data(), hex.size() + 1, digest.data(), digest.size());
  return {total, hex};
}

nlohmann::json manifest_json(const BackupManifest& m) {
  return {{"format", m.format},
          {"made_at", m.made_at},
          {"engine", m.engine},
          {"schema_version", m.contents.schema_version},
          {"rows", m.contents.rows},
          {"audit",
           {{"entries", m.contents.audit.entries},
            {"last_id", m.contents.audit.last_id},
            {"head_hash", m.contents.audit.hash}}},
          {"copy", {{"bytes", m.copy_bytes}, {"checksum", m.copy_checksum}}}};
}

Invalid not_a_backup(const fs::path& from, const std::string& why) {
  return Invalid("from", from.string() + " is not a Waypoint backup that can be read: " + why);
}

// Reads the first line and the manifest, leaving `in` at the copy's first byte.
BackupManifest read_manifest(std::istream& in, const fs::path& from) {
  std::string first(kFirstLine.size(), '\0');
  if (!in.read(first.data(), static_cast<std::streamsize>(first.size())) || first != kFirstLine)
    throw not_a_backup(from, "it does not start as one");
  std::string line;
  if (!std::getline(in, line)) throw not_a_backup(from, "it has no manifest");
  BackupManifest m;
  try {
    const auto j = nlohmann::json::parse(line);
    m.format = j.at("format").get<int>();
    m.made_at = j.at("made_at").get<std::string>();
    m.engine = j.at("engine").get<std::string>();
    m.contents.schema_version = j.at("schema_version").get<int>();
    m.contents.rows = j.at("rows").get<store::TableCounts>();
    m.contents.audit.entries = j.at("audit").at("entries").get<std::int64_t>();
    m.contents.audit.last_id = j.at("audit").at("last_id").get<std::int64_t>();
    m.contents.audit.hash = j.at("audit").at("head_hash").get<std::string>();
    m.copy_bytes = j.at("copy").at("bytes").get<std::uintmax_t>();
    m.copy_checksum = j.at("copy").at("checksum").get<std::string>();
  } catch (const nlohmann::json::exception&) {
    throw not_a_backup(from, "its manifest is damaged");
  }
  if (m.format != 1) throw not_a_backup(from, "it is in format " + std::to_string(m.format) + ", not 1");
  return m;
}

std::string engine_name(store::Engine e) { return e == store::Engine::Sqlite ? "sqlite" : "postgres"; }

// A file beside `near` (same file system, so a rename is atomic), named for this process.
fs::path working_file(const fs::path& near, const std::string& suffix) {
  auto name = near.filename().string() + "." + std::to_string(::getpid()) + suffix;
  return near.parent_path() / name;
}

struct RemoveOnExit {
  fs::path path;
  ~RemoveOnExit() {
    std::error_code ignored;
    fs::remove(path, ignored);
  }
};

void set_later_checkpoints_aside(const fs::path& checkpoints, std::int64_t last_id, RestoreReport& report) {
  const auto file = store::read_checkpoints(checkpoints);
  if (!file.unreadable_lines.empty()) return;  // left as it is, for the chain check to name
  std::vector<domain::AuditCheckpoint> kept;
  for (const auto& cp : file.checkpoints)
    if (cp.last_id <= last_id)
      kept.push_back(cp);
    else
      ++report.later_checkpoints;
  if (report.later_checkpoints == 0) return;
  auto aside = fs::path(checkpoints.string() + ".before-restore");
  for (int n = 2; fs::exists(aside); ++n) aside = checkpoints.string() + ".before-restore-" + std::to_string(n);
  fs::rename(checkpoints, aside);
  for (const auto& cp : kept) store::append_checkpoint(checkpoints, cp);
  report.later_checkpoints_file = aside;
}

}  // namespace

BackupManifest make_backup(const Services& s, const std::string& url, const fs::path& to) {
  if (to.empty()) throw Invalid("to", "Name the file to write the backup to, like --to waypoint.backup");
  if (const auto folder = fs::absolute(to).parent_path(); !fs::is_directory(folder))
    throw Invalid("to", "There is no folder " + folder.string() + " to write the backup in");
  BackupManifest m;
  m.made_at = s.now_iso();
  m.engine = engine_name(s.db.engine());
  const RemoveOnExit copy{working_file(to, ".copy")};
  m.contents = store::copy_database(url, copy.path);
  {
    std::ifstream in(copy.path, std::ios::binary);
    std::tie(m.copy_bytes, m.copy_checksum) = stream_and_hash(in, nullptr);
  }
  const RemoveOnExit partial{working_file(to, ".partial")};
  {
    std::ofstream out(partial.path, std::ios::binary | std::ios::trunc);
    out << kFirstLine << manifest_json(m).dump() << "\n";
    std::ifstream in(copy.path, std::ios::binary);
    stream_and_hash(in, &out);
    out.flush();
    if (!out) throw std::runtime_error("could not write " + partial.path.string());
  }
  fs::rename(partial.path, to);
  const auto op = operator_actor();
  s.db.transaction([&](store::Connection& c) {
    audit(c, s, &op,
          {"backup.made", "database", std::nullopt, std::nullopt,
           nlohmann::json{{"file", fs::absolute(to).string()},
                          {"audit_entries", m.contents.audit.entries},
                          {"checksum", m.copy_checksum}}
               .dump()});
  });
  return m;
}

fs::path scheduled_backup_file(const BackupSchedule& schedule, std::chrono::year_month_day day) {
  return schedule.dir / ("waypoint-" + domain::format_date(day) + ".backup");
}

bool make_scheduled_backup(const Services& s, const std::string& url, const BackupSchedule& schedule) {
  if (schedule.dir.empty() || s.minute_of_day() < schedule.minute_of_day) return false;
  const auto today = scheduled_backup_file(schedule, s.today());
  if (fs::exists(today)) return false;
  fs::create_directories(schedule.dir);
  make_backup(s, url, today);
  // The schedule's own files only (waypoint-YYYY-MM-DD.backup), whose names sort by date.
  std::vector<fs::path> made;
  for (const auto& entry : fs::directory_iterator(schedule.dir)) {
    const auto name = entry.path().filename().string();
    const auto dated = name.size() == 26 && name.starts_with("waypoint-") && name.ends_with(".backup");
    if (dated && domain::parse_date(name.substr(9, 10))) made.push_back(entry.path());
  }
  std::sort(made.begin(), made.end());
  for (std::size_t i = 0; i + static_cast<std::size_t>(schedule.keep) < made.size(); ++i) fs::remove(made[i]);
  return true;
}

RestoreReport restore_backup(const Services& s, const std::string& url, const fs::path& from) {
  std::ifstream in(from, std::ios::binary);
  if (!in) throw Invalid("from", "There is no file " + from.string());
  RestoreReport report;
  auto& m = report.manifest = read_manifest(in, from);

  // Everything is checked before anything is written.
  const RemoveOnExit copy{working_file(fs::temp_directory_path() / from.filename(), ".restoring")};
  {
    std::ofstream out(copy.path, std::ios::binary | std::ios::trunc);
    const auto [bytes, checksum] = stream_and_hash(in, &out);
    if (bytes != m.copy_bytes || checksum != m.copy_checksum)
      throw Invalid("from",
                    "The backup is damaged: its copy of the database does not match the checksum it was "
                    "made with. Restore an earlier backup.");
  }
  int newest = 0;
  for (const auto& migration : store::bundled_migrations()) newest = std::max(newest, migration.version);
  if (m.contents.schema_version > newest)
    throw Invalid("from", "The backup was made by a newer Waypoint (schema " +
                              std::to_string(m.contents.schema_version) + "; this one knows up to " +
                              std::to_string(newest) + "). Restore it with that version or a later one.");
  if (m.engine != engine_name(s.db.engine()))
    throw Invalid("database", "The backup is of a " + m.engine + " database: restore it into " +
                                  (m.engine == "sqlite" ? "an SQLite file (sqlite:PATH)" : "PostgreSQL") + ".");
  // A fresh connection each time: on SQLite the restore puts a new file where the old one was.
  bool empty = false;
  store::open_database(url)->with_connection([&](store::Connection& c) { empty = store::has_no_tables(c); });
  if (!empty) throw Invalid("database", "Restore only into an empty database: this one already has tables.");

  store::load_copy(url, copy.path);

  const auto restored = store::open_database(url);
  store::CopyContents found;
  restored->transaction([&](store::Connection& c) { found = store::read_contents(c); });
  std::string differences;
  for (const auto& [table, rows] : m.contents.rows) {
    const auto it = found.rows.find(table);
    const auto has = it == found.rows.end() ? -1 : it->second;
    if (has != rows)
      differences += " " + table + " has " + (has < 0 ? "no table" : std::to_string(has) + " rows") +
                     " where the backup had " + std::to_string(rows) + ";";
  }
  if (found.audit.hash != m.contents.audit.hash) differences += " the audit trail ends elsewhere than it did;";
  if (!differences.empty())
    throw store::DatabaseError("What was restored differs from the backup's manifest:" + differences);
  set_later_checkpoints_aside(s.settings.audit_checkpoints, m.contents.audit.last_id, report);
  const Services on_restored{*restored, s.clock, s.settings, s.common_passwords,
                             nullptr,   nullptr, nullptr,    nullptr};  // another database
  report.chain = verify_audit_chain(on_restored);
  return report;
}

}  // namespace waypoint::app
