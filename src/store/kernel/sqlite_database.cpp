#include <sqlite3.h>

#include <filesystem>
#include <memory>
#include <mutex>

#include "store/kernel/database.hpp"
#include "store/kernel/engines.hpp"

namespace waypoint::store {
namespace {

// One writer at a time in this process waits on this lock, woken the moment the last one commits,
// instead of on SQLite's busy handler, which sleeps in growing steps and gave writers under load
// second-long tails. Other processes (the command line) still meet the busy timeout.
using WriterLock = std::shared_ptr<std::timed_mutex>;

class SqliteConnection final : public Connection {
 public:
  SqliteConnection(const std::string& path, WriterLock writer) : writer_(std::move(writer)) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
      std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw DatabaseError("cannot open SQLite database " + path + ": " + message);
    }
    sqlite3_busy_timeout(db_, 10000);
    execute_script("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
  }
  ~SqliteConnection() override { sqlite3_close(db_); }

  Engine engine() const override { return Engine::Sqlite; }

  Rows query(std::string_view sql, const Params& params) override {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK)
      throw DatabaseError(std::string("SQLite prepare failed: ") + sqlite3_errmsg(db_) + " in: " + std::string(sql));
    struct Finalize {
      sqlite3_stmt* s;
      ~Finalize() { sqlite3_finalize(s); }
    } finalize{stmt};
    // "$1" is a named parameter to SQLite; look each up by name so order of appearance is irrelevant.
    for (std::size_t i = 0; i < params.size(); ++i) {
      const auto name = "$" + std::to_string(i + 1);
      const int index = sqlite3_bind_parameter_index(stmt, name.c_str());
      if (index == 0) continue;
      const auto& v = params[i];
      const int rc = v ? sqlite3_bind_text(stmt, index, v->data(), static_cast<int>(v->size()), SQLITE_TRANSIENT)
                       : sqlite3_bind_null(stmt, index);
      if (rc != SQLITE_OK) throw DatabaseError(std::string("SQLite bind failed: ") + sqlite3_errmsg(db_));
    }
    Rows rows;
    const int columns = sqlite3_column_count(stmt);
    for (;;) {
      const int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) throw DatabaseError(std::string("SQLite step failed: ") + sqlite3_errmsg(db_));
      std::vector<Value> cells;
      cells.reserve(columns);
      for (int c = 0; c < columns; ++c) {
        if (sqlite3_column_type(stmt, c) == SQLITE_NULL) {
          cells.emplace_back();
        } else {
          const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
          cells.emplace_back(std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt, c))));
        }
      }
      rows.emplace_back(std::move(cells));
    }
    return rows;
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
    if (!sqlite3_get_autocommit(db_)) execute_script("ROLLBACK");
    if (held_) held_.unlock();
  }
  void lock_for_append(std::string_view) override {}  // BEGIN IMMEDIATE already serialises writers

 private:
  sqlite3* db_ = nullptr;
  WriterLock writer_;
  std::unique_lock<std::timed_mutex> held_;
};

class SqliteDatabase final : public Database {
 public:
  explicit SqliteDatabase(std::string path) : path_(std::move(path)) {
    const auto parent = std::filesystem::path(path_).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent);
  }
  Engine engine() const override { return Engine::Sqlite; }
  std::unique_ptr<Connection> connect() override { return std::make_unique<SqliteConnection>(path_, writer_); }

 private:
  std::string path_;
  WriterLock writer_ = std::make_shared<std::timed_mutex>();
};

}  // namespace

std::unique_ptr<Database> open_sqlite(const std::string& path) { return std::make_unique<SqliteDatabase>(path); }

}  // namespace waypoint::store
