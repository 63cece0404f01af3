#include "store/kernel/backup_store.hpp"

#include <libpq-fe.h>

#include <algorithm>

#include <fcntl.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <memory>
#include <sstream>
#include <vector>

#include "store/kernel/engines.hpp"

extern char** environ;

namespace waypoint::store {
namespace {

std::vector<std::string> table_names(Connection& c) {
  const auto rows =
      c.engine() == Engine::Sqlite
          ? c.query(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                "ORDER BY name")
          : c.query("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename");
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.text(0));
  return out;
}

// Runs `program` with `args` (no shell, so nothing in them is interpreted) and waits for it. Its
// standard error becomes the message when it fails.
void run_program(const std::string& program, const std::vector<std::string>& args,
                 const std::vector<std::string>& environment = {}) {
  const auto errors =
      std::filesystem::temp_directory_path() / ("waypoint-" + std::to_string(getpid()) + "-" + program + ".err");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, errors.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(program.c_str()));
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  // The process's own environment, less what `environment` sets, then `environment`.
  std::vector<std::string> own;
  for (char** e = environ; *e; ++e) {
    const std::string entry(*e);
    const auto name = entry.substr(0, entry.find('=') + 1);
    if (std::none_of(environment.begin(), environment.end(), [&](const auto& x) { return x.starts_with(name); }))
      own.push_back(entry);
  }
  std::vector<char*> envp;
  for (const auto& entry : own) envp.push_back(const_cast<char*>(entry.c_str()));
  for (const auto& entry : environment) envp.push_back(const_cast<char*>(entry.c_str()));
  envp.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, program.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) throw DatabaseError("cannot run " + program + ": is it installed?");
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  std::ostringstream message;
  message << std::ifstream(errors).rdbuf();
  std::filesystem::remove(errors);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) throw DatabaseError(program + " failed: " + message.str());
}

// An SQLite handle opened outside the pool, for the backup API and the copy's last touches.
struct RawSqlite {
  sqlite3* db = nullptr;
  RawSqlite(const std::filesystem::path& path, int flags) {
    if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
      const std::string message = db ? sqlite3_errmsg(db) : "out of memory";
      sqlite3_close(db);
      throw DatabaseError("cannot open " + path.string() + ": " + message);
    }
    sqlite3_busy_timeout(db, 10000);
  }
  ~RawSqlite() { sqlite3_close(db); }
  RawSqlite(const RawSqlite&) = delete;
  RawSqlite& operator=(const RawSqlite&) = delete;
};

CopyContents copy_sqlite(const std::string& path, const std::filesystem::path& to) {
  std::filesystem::remove(to);
  {
    RawSqlite source(path, SQLITE_OPEN_READONLY);
    RawSqlite copy(to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    // All pages in one step: one read transaction, so one moment, while the server's writers go on
    // writing to the write-ahead log.
    sqlite3_backup* backup = sqlite3_backup_init(copy.db, "main", source.db, "main");
    if (!backup) throw DatabaseError(std::string("SQLite backup could not start: ") + sqlite3_errmsg(copy.db));
    const int stepped = sqlite3_backup_step(backup, -1);
    sqlite3_backup_finish(backup);
    if (stepped != SQLITE_DONE) throw DatabaseError(std::string("SQLite backup failed: ") + sqlite3_errstr(stepped));
  }
  // Counted through the store's own connections, as a restore will count them.
  CopyContents contents;
  open_sqlite(to.string())->transaction([&](Connection& c) { contents = read_contents(c); });
  // One self-contained file: the copy keeps no write-ahead log beside it.
  RawSqlite copy(to, SQLITE_OPEN_READWRITE);
  if (sqlite3_exec(copy.db, "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr) != SQLITE_OK)
    throw DatabaseError(std::string("SQLite backup could not be closed: ") + sqlite3_errmsg(copy.db));
  return contents;
}

}  // namespace

std::vector<std::string> postgres_environment(const std::string& conninfo) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &error);
  if (!options) {
    const std::string why = error ? error : "out of memory";
    PQfreemem(error);
    throw DatabaseError("cannot read the PostgreSQL connection string: " + why);
  }
  std::vector<std::string> out;
  for (auto* o = options; o->keyword; ++o)
    if (o->val && *o->val && o->envvar) out.push_back(std::string(o->envvar) + "=" + o->val);
  PQconninfoFree(options);
  return out;
}

CopyContents read_contents(Connection& c) {
  CopyContents out;
  for (const auto& table : table_names(c)) out.rows[table] = c.query_one("SELECT COUNT(*) FROM " + table)->integer(0);
  if (out.rows.count("schema_migrations"))
    if (auto v = c.query_one("SELECT MAX(version) FROM schema_migrations"); v && !v->is_null(0))
      out.schema_version = static_cast<int>(v->integer(0));
  if (out.rows.count("audit_events")) out.audit = audit_head(c);
  return out;
}

bool has_no_tables(Connection& c) { return table_names(c).empty(); }

CopyContents copy_database(const std::string& url, const std::filesystem::path& to) {
  if (const auto file = sqlite_file_of(url); !file.empty()) return copy_sqlite(file, to);
  // PostgreSQL: the contents are read in a repeatable-read transaction whose snapshot pg_dump then
  // shares, so the counts and the dump are the same moment however busy the server is.
  auto connection = open_postgres(url)->connect();
  auto& c = *connection;
  c.execute_script("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
  const auto snapshot = c.query_one("SELECT pg_export_snapshot()")->text(0);
  const auto contents = read_contents(c);
  run_program("pg_dump",
              {"--format=custom", "--no-owner", "--no-privileges", "--snapshot=" + snapshot, "--file=" + to.string()},
              postgres_environment(url));
  c.execute_script("COMMIT");
  return contents;
}

void load_copy(const std::string& url, const std::filesystem::path& from) {
  if (const auto path = sqlite_file_of(url); !path.empty()) {
    // Beside the target, then renamed over it: a reader never sees half a database.
    const auto partial = path + ".restoring";
    std::filesystem::copy_file(from, partial, std::filesystem::copy_options::overwrite_existing);
    for (const auto* suffix : {"-wal", "-shm"}) std::filesystem::remove(path + suffix);
    std::filesystem::rename(partial, path);
    return;
  }
  // pg_restore writes a script unless it is named a database: named by the environment's
  // PGDATABASE, with the rest of the connection there too.
  const auto environment = postgres_environment(url);
  std::string database;
  for (const auto& e : environment)
    if (e.starts_with("PGDATABASE=")) database = e.substr(11);
  run_program("pg_restore",
              {"--exit-on-error", "--single-transaction", "--no-owner", "--no-privileges",
               "--dbname=" + (database.empty() ? std::string("postgres") : database), from.string()},
              environment);
}

}  // namespace waypoint::store
