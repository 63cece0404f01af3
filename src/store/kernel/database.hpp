#pragma once
// The one small interface both engines implement. SQL is written once: `$1` placeholders, ISO-8601
// text for dates and times, integer ids. Values cross it as text or NULL; callers convert.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace waypoint::store {

using Value = std::optional<std::string>;
using Params = std::vector<Value>;

class Row {
 public:
  explicit Row(std::vector<Value> cells) : cells_(std::move(cells)), numbers_(cells_.size()) {}
  bool is_null(std::size_t i) const { return !numbers_.at(i).known && !cells_[i].has_value(); }
  const std::string& text(std::size_t i) const;
  std::int64_t integer(std::size_t i) const;
  std::optional<std::string> opt_text(std::size_t i) const;
  std::optional<std::int64_t> opt_integer(std::size_t i) const;
  bool boolean(std::size_t i) const { return integer(i) != 0; }

  // For the engines, which read each row of a result into the cells of the one before: a large read
  // then reuses their storage rather than allocating each value. A visitor that keeps a row moves it
  // out, and `columns` makes the cells again.
  void columns(std::size_t n) {
    cells_.resize(n);
    numbers_.resize(n);
  }
  void set_null(std::size_t i) {
    cells_[i].reset();
    numbers_[i].known = false;
  }
  void set_text(std::size_t i, std::string_view text) {
    if (cells_[i])
      cells_[i]->assign(text);
    else
      cells_[i].emplace(text);
    numbers_[i].known = false;
  }
  // A number the engine holds as one: kept as it is, and written as text only if asked for as text
  // (most ids are read as numbers, and writing each one out to read it back was a tenth of a page).
  void set_integer(std::size_t i, std::int64_t n) { numbers_[i] = {n, true, false}; }

 private:
  struct Number {
    std::int64_t value = 0;
    bool known = false;    // the cell is this number
    bool written = false;  // and cells_[i] holds it as text
  };
  const std::string& written(std::size_t i) const;

  // Mutable: a number is written out as text the first time it is asked for as text.
  mutable std::vector<Value> cells_;
  mutable std::vector<Number> numbers_;
};

using Rows = std::vector<Row>;

class DatabaseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The database cannot be reached (a server restarting, a network gone): worth trying again soon,
// unlike a statement the database refused.
class DatabaseUnavailable : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

enum class Engine { Sqlite, Postgres };

// Each row turned into a value by `from_row`.
template <typename F>
auto map_rows(const std::vector<Row>& rows, F from_row) {
  std::vector<decltype(from_row(rows.front()))> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(from_row(r));
  return out;
}

// "$n, $n+1, ..." for `values`, appended to `params`: an IN list of any length.
inline std::string in_list(Params& params, const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) {
    params.emplace_back(v);
    out += (out.empty() ? "$" : ", $") + std::to_string(params.size());
  }
  return out;
}

inline std::string in_list(Params& params, const std::vector<std::int64_t>& ids) {
  std::vector<std::string> values;
  for (auto id : ids) values.push_back(std::to_string(id));
  return in_list(params, values);
}

// "($1, $2), ($3, $4)" for `rows` rows of `columns` values each: a multi-row INSERT's VALUES, its
// parameters numbered row by row from $1.
inline std::string values_rows(std::size_t rows, std::size_t columns) {
  std::string out;
  for (std::size_t i = 0; i < rows * columns; ++i)
    out += (i % columns == 0 ? (i == 0 ? "($" : "), ($") : ", $") + std::to_string(i + 1);
  return rows * columns == 0 ? out : out + ")";
}

// One value in COPY's text format, for Connection::copy_in: tab, newline and backslash escaped, a
// missing value as \N, then a tab or, after a row's `last` value, a newline.
void append_copy_value(std::string& out, const std::optional<std::string>& value, bool last);

// A read to send with others (Connection::each_row_together): its statement, its values, and what
// takes each row.
struct Read {
  std::string sql;
  Params params;
  std::function<void(Row&)> visit;
};

// A read whose rows `from_row` makes into `out`, which must outlive the read.
template <typename T, typename F>
Read read_into(std::vector<T>& out, std::string sql, Params params, F from_row) {
  return {std::move(sql), std::move(params), [&out, from_row](const Row& r) { out.push_back(from_row(r)); }};
}

// One connection, used by one thread at a time.
class Connection {
 public:
  virtual ~Connection() = default;
  virtual Engine engine() const = 0;
  // Hands each row of the result to `visit` as it is read, so a large read is never held whole; the
  // visitor must not use this connection. query() is the same, gathered into a vector.
  virtual void each_row(std::string_view sql, const Params& params, const std::function<void(Row&)>& visit) = 0;
  Rows query(std::string_view sql, const Params& params = {});
  // Reads that do not depend on each other, each row to its own visitor, in order. PostgreSQL has
  // them in one round trip (a pipeline); SQLite, in the same process, one after another.
  virtual void each_row_together(const std::vector<Read>& reads);
  virtual void execute_script(std::string_view sql) = 0;  // several statements, no parameters
  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;  // also ends a read (begin_read)
  // COMMIT sent and its answer waited for apart, so the caller works while the server commits (see
  // Database::transaction_sent). Between them the connection runs nothing else. commit_answered runs
  // the visitors of the writes owed (each_row_later) and throws what the server refused. An engine
  // that cannot send without waiting commits in commit_sent.
  virtual void commit_sent() { commit(); }
  virtual void commit_answered() {}
  // A read of several statements that holds back no writer. SQLite reads one snapshot of its log
  // and refuses a statement that would write; PostgreSQL reads each statement as it stands, as
  // its transactions (READ COMMITTED) always did, with no round trip for BEGIN or COMMIT.
  virtual void begin_read() {}
  virtual void end_read() {}
  // Serialises writers of one append-only chain (the audit trail) for the current transaction.
  virtual void lock_for_append(std::string_view chain) = 0;
  // Whether the connection to the server was lost: such a connection never goes back in the pool.
  virtual bool broken() const { return false; }
  // PostgreSQL's bulk load: runs `copy` ("COPY t (a, b) FROM STDIN") and sends `rows` in COPY's text
  // format. Other engines have no COPY: their callers insert row by row (see has_copy).
  void copy_in(std::string_view copy, std::string_view rows) {
    copy_begin(copy);
    copy_rows(rows);
    copy_end();
  }
  // The same in pieces, for rows made as they go: the server takes in each piece while the next is
  // made. Between copy_begin and copy_end the connection runs nothing else; copy_end throws what the
  // server refused. A transaction rolled back before copy_end takes the COPY's rows with it (libpq
  // ends a COPY under way before the next statement, the ROLLBACK).
  virtual void copy_begin(std::string_view copy);
  virtual void copy_rows(std::string_view) {}
  virtual void copy_end() {}
  bool has_copy() const { return engine() == Engine::Postgres; }

  void exec(std::string_view sql, const Params& params = {}) { query(sql, params); }
  // A write whose result nobody reads. In a transaction on PostgreSQL it goes with the next
  // statement or the COMMIT, a round trip fewer, and a failure is thrown there, still inside the
  // transaction; elsewhere it runs at once.
  void exec_later(std::string_view sql, const Params& params) {
    each_row_later(sql, params, [](Row&) {});
  }
  // The same for a write whose rows (RETURNING) are read: `visit` has them by the time the statement
  // they went with returns, or the commit. It must not use this connection.
  virtual void each_row_later(std::string_view sql, const Params& params, std::function<void(Row&)> visit) {
    each_row(sql, params, visit);
  }
  std::optional<Row> query_one(std::string_view sql, const Params& params = {});
  // Runs an INSERT ... RETURNING id and answers the new id.
  std::int64_t insert(std::string_view sql, const Params& params);
};

// A pool of connections to one database. A connection found broken is dropped, with every idle one
// made before it (a restarted server broke them all); while the server cannot be reached, new
// connections are tried at most every few seconds and requests in between fail at once with
// DatabaseUnavailable.
class Database {
 public:
  virtual ~Database() = default;
  virtual Engine engine() const = 0;
  virtual std::unique_ptr<Connection> connect() = 0;

  // Runs `work` with a pooled connection.
  void with_connection(const std::function<void(Connection&)>& work);
  // Runs `work` in one transaction: committed if it returns, rolled back if it throws.
  void transaction(const std::function<void(Connection&)>& work);
  // Runs `work`, which only reads, without waiting for writers or making them wait (see
  // Connection::begin_read).
  void read(const std::function<void(Connection&)>& work);
  // A transaction whose COMMIT is sent once `work` returns, its answer waited for by answered():
  // the caller goes on with other work while the server commits. Until answered() returns nothing is
  // known to be committed; it throws what transaction() would have. Dropped unanswered, the answer
  // is waited for and any failure let go.
  class Committing {
   public:
    Committing(Database& db, std::unique_ptr<Connection> c) : db_(&db), c_(std::move(c)) {}
    Committing(Committing&&) = default;
    Committing& operator=(Committing&&) = delete;
    ~Committing();
    void answered();

   private:
    Database* db_;
    std::unique_ptr<Connection> c_;
  };
  Committing transaction_sent(const std::function<void(Connection&)>& work);
  // Whether the database answers a trivial query now.
  bool answers();

 private:
  void between(void (Connection::*open)(), void (Connection::*close)(), const std::function<void(Connection&)>& work);
  std::unique_ptr<Connection> acquire();
  void release(std::unique_ptr<Connection> c);
  void discard(std::unique_ptr<Connection> c);
  void rolled_back(std::unique_ptr<Connection> c) noexcept;  // after work that threw: rolls back, then pools
  std::vector<std::unique_ptr<Connection>> idle_;
  std::chrono::steady_clock::time_point retry_at_{};
  std::chrono::milliseconds backoff_{0};
  std::mutex mutex_;
};

struct DatabaseOptions {
  // PostgreSQL statements are prepared once per connection under a name. A pooler in transaction
  // mode (PgBouncer) hands each transaction whichever server connection is free, where that name
  // means nothing: then every statement is sent unnamed, parsed each time.
  bool named_statements = true;
};

// "sqlite:PATH" or a PostgreSQL connection string ("postgresql://..." or "host=... dbname=...").
std::unique_ptr<Database> open_database(const std::string& url, const DatabaseOptions& options = {});
// The file of an "sqlite:PATH" database; empty for a PostgreSQL connection string.
std::string sqlite_file_of(const std::string& url);

// Helpers for building parameters.
inline Value text(std::string s) { return Value(std::move(s)); }
inline Value integer(std::int64_t n) { return Value(std::to_string(n)); }
inline Value opt_integer(const std::optional<std::int64_t>& n) { return n ? Value(std::to_string(*n)) : Value(); }
inline Value null() { return Value(); }

}  // namespace waypoint::store
