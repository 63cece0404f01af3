#include <libpq-fe.h>

#include <string>
#include <unordered_map>

#include "store/kernel/database.hpp"
#include "store/kernel/engines.hpp"

namespace waypoint::store {
namespace {

class PostgresConnection final : public Connection {
 public:
  PostgresConnection(const std::string& conninfo, bool named_statements)
      : conn_(PQconnectdb(conninfo.c_str())), named_statements_(named_statements) {
    if (PQstatus(conn_) != CONNECTION_OK) {
      std::string message = PQerrorMessage(conn_);
      PQfinish(conn_);
      throw DatabaseUnavailable("cannot connect to PostgreSQL: " + message);
    }
    execute_script("SET client_min_messages TO warning");
  }
  ~PostgresConnection() override { PQfinish(conn_); }

  Engine engine() const override { return Engine::Postgres; }

  void each_row(std::string_view sql, const Params& params, const std::function<void(Row&)>& visit) override {
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
    const int n_params = static_cast<int>(params.size());
    PGresult* result =
        named_statements_
            ? PQexecPrepared(conn_, prepared(sql, n_params).c_str(), n_params, values.data(), nullptr, nullptr, 0)
            : PQexecParams(conn_, std::string(sql).c_str(), n_params, nullptr, values.data(), nullptr, nullptr, 0);
    struct Clear {
      PGresult* r;
      ~Clear() { PQclear(r); }
    } clear{result};
    const auto status = PQresultStatus(result);
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
      if (broken()) throw DatabaseUnavailable(std::string("PostgreSQL connection lost: ") + PQerrorMessage(conn_));
      throw DatabaseError(std::string("PostgreSQL: ") + PQresultErrorMessage(result) + " in: " + std::string(sql));
    }
    const int n = PQntuples(result);
    const int columns = PQnfields(result);
    Row row({});
    for (int r = 0; r < n; ++r) {
      row.columns(static_cast<std::size_t>(columns));
      for (int c = 0; c < columns; ++c) {
        const auto i = static_cast<std::size_t>(c);
        if (PQgetisnull(result, r, c))
          row.set_null(i);
        else
          row.set_text(i,
                       std::string_view(PQgetvalue(result, r, c), static_cast<std::size_t>(PQgetlength(result, r, c))));
      }
      visit(row);
    }
  }

  void execute_script(std::string_view sql) override {
    PGresult* result = PQexec(conn_, std::string(sql).c_str());
    const auto status = PQresultStatus(result);
    std::string message = PQresultErrorMessage(result);
    PQclear(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      if (broken()) throw DatabaseUnavailable("PostgreSQL connection lost: " + message);
      throw DatabaseError("PostgreSQL: " + message);
    }
  }

  void copy_in(std::string_view copy, std::string_view rows) override {
    PGresult* started = PQexec(conn_, std::string(copy).c_str());
    const auto status = PQresultStatus(started);
    std::string message = PQresultErrorMessage(started);
    PQclear(started);
    if (status != PGRES_COPY_IN) fail(message);
    // In pieces of a megabyte: libpq buffers what it is given.
    constexpr std::size_t kPiece = 1 << 20;
    bool sent = true;
    for (std::size_t at = 0; sent && at < rows.size(); at += kPiece) {
      const auto piece = rows.substr(at, kPiece);
      sent = PQputCopyData(conn_, piece.data(), static_cast<int>(piece.size())) == 1;
    }
    // Ending the copy with an error message makes the server refuse it; the result says why.
    PQputCopyEnd(conn_, sent ? nullptr : "sending the rows failed");
    while (PGresult* result = PQgetResult(conn_)) {
      const auto done = PQresultStatus(result);
      if (done != PGRES_COMMAND_OK && message == "") message = PQresultErrorMessage(result);
      if (done != PGRES_COMMAND_OK) sent = false;
      PQclear(result);
    }
    if (!sent) fail(message.empty() ? PQerrorMessage(conn_) : message);
  }

  void begin() override { execute_script("BEGIN"); }
  void commit() override { execute_script("COMMIT"); }
  void rollback() override {
    if (!broken() && PQtransactionStatus(conn_) != PQTRANS_IDLE) execute_script("ROLLBACK");
  }
  bool broken() const override { return PQstatus(conn_) != CONNECTION_OK; }
  void lock_for_append(std::string_view chain) override {
    query("SELECT pg_advisory_xact_lock(hashtext($1))", {std::string(chain)});
  }

 private:
  // Each statement is parsed and planned once per connection and kept under a name: the same few
  // hundred statements run on every request. Protocol-level statements outlive a rolled-back
  // transaction. Past a bound (statements built with a varying number of parameters) they are all
  // dropped and the cache starts again.
  static constexpr std::size_t kMostStatements = 1000;

  const std::string& prepared(std::string_view sql, int parameters) {
    if (auto it = statements_.find(std::string(sql)); it != statements_.end()) return it->second;
    if (statements_.size() >= kMostStatements) {
      execute_script("DEALLOCATE ALL");
      statements_.clear();
    }
    auto name = "wp" + std::to_string(++named_);
    PGresult* result = PQprepare(conn_, name.c_str(), std::string(sql).c_str(), parameters, nullptr);
    const auto status = PQresultStatus(result);
    const std::string error = status == PGRES_COMMAND_OK ? "" : PQresultErrorMessage(result);
    PQclear(result);
    if (status != PGRES_COMMAND_OK) {
      if (broken()) throw DatabaseUnavailable(std::string("PostgreSQL connection lost: ") + PQerrorMessage(conn_));
      throw DatabaseError("PostgreSQL: " + error + " in: " + std::string(sql));
    }
    return statements_.emplace(std::string(sql), std::move(name)).first->second;
  }

  [[noreturn]] void fail(const std::string& message) const {
    if (broken()) throw DatabaseUnavailable("PostgreSQL connection lost: " + message);
    throw DatabaseError("PostgreSQL: " + message);
  }

  PGconn* conn_;
  bool named_statements_;
  std::unordered_map<std::string, std::string> statements_;  // SQL -> the name it is prepared under
  std::uint64_t named_ = 0;
};

class PostgresDatabase final : public Database {
 public:
  PostgresDatabase(std::string conninfo, bool named_statements)
      : conninfo_(std::move(conninfo)), named_statements_(named_statements) {}
  Engine engine() const override { return Engine::Postgres; }
  std::unique_ptr<Connection> connect() override {
    return std::make_unique<PostgresConnection>(conninfo_, named_statements_);
  }

 private:
  std::string conninfo_;
  bool named_statements_;
};

}  // namespace

std::unique_ptr<Database> open_postgres(const std::string& conninfo, bool named_statements) {
  return std::make_unique<PostgresDatabase>(conninfo, named_statements);
}

std::string sqlite_file_of(const std::string& url) { return url.rfind("sqlite:", 0) == 0 ? url.substr(7) : ""; }

std::unique_ptr<Database> open_database(const std::string& url, const DatabaseOptions& options) {
  if (const auto file = sqlite_file_of(url); !file.empty()) return open_sqlite(file);
  if (url.rfind("postgres", 0) == 0 || url.find('=') != std::string::npos)
    return open_postgres(url, options.named_statements);
  throw DatabaseError("database must be sqlite:PATH or a PostgreSQL connection string, not: " + url);
}

}  // namespace waypoint::store
