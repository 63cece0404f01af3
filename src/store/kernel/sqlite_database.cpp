#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "store/kernel/database.hpp"
#include "store/kernel/engines.hpp"
#include "store/kernel/sqlite_checkpointer.hpp"

namespace waypoint::store {
namespace {

// One writer at a time in this process waits on this lock, woken the moment the last one commits,
// instead of on SQLite's busy handler, which sleeps in growing steps and gave writers under load
// second-long tails. Other processes (the command line) still meet the busy timeout.
using WriterLock = std::shared_ptr<std::timed_mutex>;

class SqliteConnection final : public Connection {
 public:
  SqliteConnection(const std::string& path, WriterLock writer, std::shared_ptr<SqliteCheckpointer> checkpointer)
      : writer_(std::move(writer)), checkpointer_(std::move(checkpointer)) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
      std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw DatabaseError("cannot open SQLite database " + path + ": " + message);
    }
    sqlite3_busy_timeout(db_, 10000);
    // A page cache of 1 MB a connection, not SQLite's 2 MB: the server keeps a connection a worker, and
    // the pages one drops are still in the kernel's file cache. At LA scale this took 5 MB off the
    // server's peak with no page slower by the bench.
    execute_script(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY; "
        "PRAGMA cache_size=-1024;");
    checkpointer_->take_over(db_);
  }
  ~SqliteConnection() override {
    forget_statements();
    sqlite3_close(db_);
  }

  Engine engine() const override { return Engine::Sqlite; }

  void each_row(std::string_view sql, const Params& params, const std::function<void(Row&)>& visit) override {
    const Statement& stmt = prepared(sql);
    // Back to its first row and without values, whatever happens, for the next use.
    struct Reset {
      sqlite3_stmt* s;
      ~Reset() {
        sqlite3_reset(s);
        sqlite3_clear_bindings(s);
      }
    } reset{stmt.handle};
    // "$n" was written "?n" when prepared, so slot n holds the nth value.
    const auto slots = std::min(params.size(), static_cast<std::size_t>(stmt.slots));
    for (std::size_t i = 0; i < slots; ++i) {
      const auto& v = params[i];
      const int index = static_cast<int>(i + 1);
      // SQLITE_STATIC: the values outlive the statement's use (`params` is held until the reset
      // above), so SQLite reads them where they are instead of copying each one.
      const int rc = v ? sqlite3_bind_text(stmt.handle, index, v->data(), static_cast<int>(v->size()), SQLITE_STATIC)
                       : sqlite3_bind_null(stmt.handle, index);
      if (rc != SQLITE_OK) throw DatabaseError(std::string("SQLite bind failed: ") + sqlite3_errmsg(db_));
    }
    sqlite3_stmt* const handle = stmt.handle;
    // A write begun in a read would take the write lock without the writers' queue, and would go
    // unaudited if the read's use case is audited after it.
    if (reading_ && !sqlite3_stmt_readonly(handle))
      throw DatabaseError("SQLite: a write in a read: " + std::string(sql));
    const int columns = sqlite3_column_count(handle);
    Row row({});
    for (;;) {
      const int rc = sqlite3_step(handle);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) throw DatabaseError(std::string("SQLite step failed: ") + sqlite3_errmsg(db_));
      row.columns(static_cast<std::size_t>(columns));
      for (int c = 0; c < columns; ++c) {
        const auto i = static_cast<std::size_t>(c);
        switch (sqlite3_column_type(handle, c)) {
          case SQLITE_NULL:
            row.set_null(i);
            break;
          case SQLITE_INTEGER:
            row.set_integer(i, sqlite3_column_int64(handle, c));
            break;
          default: {
            const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(handle, c));
            row.set_text(i, std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(handle, c))));
          }
        }
      }
      visit(row);
    }
  }

  void execute_script(std::string_view sql) override {
    char* error = nullptr;
    if (sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
      std::string message = error ? error : "unknown error";
      sqlite3_free(error);
      throw DatabaseError("SQLite: " + message);
    }
  }

  // IMMEDIATE takes the write lock at once, so two writers never deadlock upgrading from read.
  void begin() override {
    held_ = std::unique_lock(*writer_, std::chrono::seconds(10));
    if (!held_) throw DatabaseError("SQLite: the database is busy");
    try {
      execute_script("BEGIN IMMEDIATE");
    } catch (...) {
      held_.unlock();
      throw;
    }
  }
  void commit() override {
    execute_script("COMMIT");
    held_.unlock();
  }
  void rollback() override {
    reading_ = false;
    if (!sqlite3_get_autocommit(db_)) execute_script("ROLLBACK");
    if (held_) held_.unlock();
  }
  // A deferred BEGIN: the first statement takes a read snapshot of the log, and writers go on
  // committing beside it (WAL), where BEGIN IMMEDIATE would queue every page behind the writer.
  void begin_read() override {
    execute_script("BEGIN");
    reading_ = true;
  }
  void end_read() override {
    reading_ = false;
    execute_script("COMMIT");
  }
  void lock_for_append(std::string_view) override {}  // BEGIN IMMEDIATE already serialises writers

 private:
  // Each statement is parsed once per connection and kept: the same few hundred statements run
  // on every request, and parsing was a large part of a page's time. Statements built with a
  // varying number of parameters could grow the cache without end, so past a bound it starts again.
  static constexpr std::size_t kMostStatements = 1000;

  struct Statement {
    sqlite3_stmt* handle = nullptr;
    int slots = 0;  // the highest parameter number
  };

  // PostgreSQL's "$1" is a named parameter to SQLite, and SQLite finds each name by walking the
  // ones before it: preparing a 30-pupil send's 360 values was a fifth of the send's instructions.
  // "?1" is numbered, its slot its number; a bare "?" takes the next slot and is never looked up
  // at all, so where the numbers run 1, 2, 3... in order (every multi-row INSERT) they go. Quoted
  // text is left as it is.
  static std::string numbered_parameters(std::string_view sql) {
    std::string out;
    out.reserve(sql.size());
    bool quoted = false, in_order = true;
    std::size_t count = 0;
    for (std::size_t i = 0; i < sql.size(); ++i) {
      const char ch = sql[i];
      if (ch == '\'') quoted = !quoted;
      if (quoted || ch != '$' || i + 1 == sql.size() || !std::isdigit(static_cast<unsigned char>(sql[i + 1]))) {
        out += ch;
        continue;
      }
      std::size_t end = i + 1, number = 0;
      while (end < sql.size() && std::isdigit(static_cast<unsigned char>(sql[end])))
        number = number * 10 + static_cast<std::size_t>(sql[end++] - '0');
      in_order = in_order && number == ++count;
      out += '?';
      out.append(sql.substr(i + 1, end - i - 1));
      i = end - 1;
    }
    if (!in_order) return out;
    // Every "?n" was the next number: the numbers can go.
    std::string bare;
    bare.reserve(out.size());
    quoted = false;
    for (std::size_t i = 0; i < out.size(); ++i) {
      if (out[i] == '\'') quoted = !quoted;
      bare += out[i];
      if (!quoted && out[i] == '?')
        while (i + 1 < out.size() && std::isdigit(static_cast<unsigned char>(out[i + 1]))) ++i;
    }
    return bare;
  }

  const Statement& prepared(std::string_view sql) {
    if (auto it = statements_.find(std::string(sql)); it != statements_.end()) return it->second;
    if (statements_.size() >= kMostStatements) forget_statements();
    Statement stmt;
    const auto text = numbered_parameters(sql);
    if (sqlite3_prepare_v3(db_, text.data(), static_cast<int>(text.size()), SQLITE_PREPARE_PERSISTENT, &stmt.handle,
                           nullptr) != SQLITE_OK) {
      sqlite3_finalize(stmt.handle);
      throw DatabaseError(std::string("SQLite prepare failed: ") + sqlite3_errmsg(db_) + " in: " + std::string(sql));
    }
    stmt.slots = sqlite3_bind_parameter_count(stmt.handle);
    return statements_.emplace(std::string(sql), std::move(stmt)).first->second;
  }

  void forget_statements() {
    for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt.handle);
    statements_.clear();
  }

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, Statement> statements_;
  WriterLock writer_;
  std::unique_lock<std::timed_mutex> held_;
  bool reading_ = false;                              // between begin_read and end_read
  std::shared_ptr<SqliteCheckpointer> checkpointer_;  // outlives db_, whose commits call it
};

class SqliteDatabase final : public Database {
 public:
  explicit SqliteDatabase(std::string path) : path_(std::move(path)) {
    const auto parent = std::filesystem::path(path_).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent);
  }
  Engine engine() const override { return Engine::Sqlite; }
  std::unique_ptr<Connection> connect() override {
    return std::make_unique<SqliteConnection>(path_, writer_, checkpointer_);
  }

 private:
  std::string path_;
  WriterLock writer_ = std::make_shared<std::timed_mutex>();
  std::shared_ptr<SqliteCheckpointer> checkpointer_ = std::make_shared<SqliteCheckpointer>(path_);
};

}  // namespace

std::unique_ptr<Database> open_sqlite(const std::string& path) {
  // SQLite's memory statistics take one process-wide mutex on every allocation, which every
  // request's queries then queue on. Nothing reads them. Must precede SQLite's initialisation;
  // a second call (another database in the same process) is refused harmlessly.
  static const int memory_statistics_off = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)memory_statistics_off;
  return std::make_unique<SqliteDatabase>(path);
}

}  // namespace waypoint::store
