#include <libpq-fe.h>

#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "store/kernel/database.hpp"
#include "store/kernel/engines.hpp"

namespace waypoint::store {
namespace {

constexpr const char* kCommit = "COMMIT";

class PostgresConnection final : public Connection {
 public:
  PostgresConnection(const std::string& conninfo, bool named_statements)
      : conn_(PQconnectdb(conninfo.c_str())), named_statements_(named_statements) {
    if (PQstatus(conn_) != CONNECTION_OK) {
      std::string message = PQerrorMessage(conn_);
      PQfinish(conn_);
      throw DatabaseUnavailable("cannot connect to PostgreSQL: " + message);
    }
    // A statement kept under a name is planned once, not at every run with its values: PostgreSQL's
    // own choice planned most of them again each time (the marks and the audit trail are partitioned
    // by year, which makes a generic plan look dearer than it is), and measured at LA scale the
    // register page, the today board, a pupil's year, the outcomes and the area were all as fast or
    // faster planned once (bench/attendance; README). Through PgBouncer statements are sent unnamed,
    // planned each time, and a setting made here would stay on a server connection others share.
    execute_script(named_statements ? "SET client_min_messages TO warning; SET plan_cache_mode TO force_generic_plan"
                                    : "SET client_min_messages TO warning");
  }
  ~PostgresConnection() override { PQfinish(conn_); }

  Engine engine() const override { return Engine::Postgres; }

  void each_row(std::string_view sql, const Params& params, const std::function<void(Row&)>& visit) override {
    if (begin_pending_ || !deferred_.empty()) return each_row_together({{std::string(sql), params, visit}});
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
    const int n_params = static_cast<int>(params.size());
    const std::string* name = named_statements_ ? &prepared(sql, n_params) : nullptr;
    Cleared result{
        {name ? PQexecPrepared(conn_, name->c_str(), n_params, values.data(), nullptr, nullptr, 0)
              : PQexecParams(conn_, std::string(sql).c_str(), n_params, nullptr, values.data(), nullptr, nullptr, 0)}};
    take(result.results.front(), sql, visit);
  }

  void each_row_together(const std::vector<Read>& reads) override {
    if (reads.empty()) return;
    if (reads.size() == 1 && !begin_pending_ && deferred_.empty())
      return each_row(reads.front().sql, reads.front().params, reads.front().visit);
    if (deferred_.empty()) return run_together(reads);
    auto all = std::move(deferred_);
    deferred_.clear();
    all.insert(all.end(), reads.begin(), reads.end());
    run_together(all);
  }

  // Sent with the next statement, or with COMMIT: the transaction's last write (its audit entry)
  // costs no round trip of its own. Outside a transaction there is no COMMIT to wait for.
  void each_row_later(std::string_view sql, const Params& params, std::function<void(Row&)> visit) override {
    if (!in_transaction_) return each_row(sql, params, visit);
    deferred_.push_back({std::string(sql), params, std::move(visit)});
  }

  void execute_script(std::string_view sql) override {
    send_deferred();
    // A script is sent by the simple protocol, which takes several statements: a transaction's
    // BEGIN still owed goes with it.
    PGresult* result = PQexec(conn_, ((begin_pending_ ? "BEGIN; " : "") + std::string(sql)).c_str());
    begin_pending_ = false;
    const auto status = PQresultStatus(result);
    std::string message = PQresultErrorMessage(result);
    PQclear(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      if (broken()) throw DatabaseUnavailable("PostgreSQL connection lost: " + message);
      throw DatabaseError("PostgreSQL: " + message);
    }
  }

  void copy_begin(std::string_view copy) override {
    send_deferred();
    if (begin_pending_) execute_script("");  // COPY is no part of a pipeline: the BEGIN goes on its own
    PGresult* started = PQexec(conn_, std::string(copy).c_str());
    const auto status = PQresultStatus(started);
    std::string message = PQresultErrorMessage(started);
    PQclear(started);
    if (status != PGRES_COPY_IN) fail(message);
    copy_sent_ = true;
  }

  void copy_rows(std::string_view rows) override {
    // In pieces of a megabyte: libpq buffers what it is given, and sends each piece as it comes.
    constexpr std::size_t kPiece = 1 << 20;
    for (std::size_t at = 0; copy_sent_ && at < rows.size(); at += kPiece) {
      const auto piece = rows.substr(at, kPiece);
      copy_sent_ = PQputCopyData(conn_, piece.data(), static_cast<int>(piece.size())) == 1;
    }
  }

  // Ending the copy with an error message makes the server refuse it; the result says why.
  void copy_end() override {
    PQputCopyEnd(conn_, copy_sent_ ? nullptr : "sending the rows failed");
    bool ok = copy_sent_;
    std::string message;
    while (PGresult* result = PQgetResult(conn_)) {
      const auto done = PQresultStatus(result);
      if (done != PGRES_COMMAND_OK && message.empty()) message = PQresultErrorMessage(result);
      if (done != PGRES_COMMAND_OK) ok = false;
      PQclear(result);
    }
    if (!ok) fail(message.empty() ? PQerrorMessage(conn_) : message);
  }

  // BEGIN waits to go with the transaction's first statement, in one round trip: a round trip is
  // worth more than the statement on most requests. A transaction that ran nothing was never begun.
  void begin() override {
    begin_pending_ = true;
    in_transaction_ = true;
  }
  void commit() override {
    commit_sent();
    commit_answered();
  }
  // Writes owed go with the COMMIT, their answers left for commit_answered to read. With none owed
  // the transaction ends here: never begun if it ran nothing, else by a COMMIT of its own.
  void commit_sent() override {
    in_transaction_ = false;
    if (deferred_.empty()) {
      if (!std::exchange(begin_pending_, false)) execute_script("COMMIT");
      return;
    }
    in_flight_ = std::move(deferred_);
    deferred_.clear();
    in_flight_.push_back({kCommit, {}, [](Row&) {}});
    in_flight_begun_ = send_pipeline(in_flight_);
  }
  void commit_answered() override {
    if (in_flight_.empty()) return;
    const auto reads = std::move(in_flight_);
    in_flight_.clear();
    take_each(reads, pipeline_answers(reads.size(), in_flight_begun_));
  }
  void rollback() override {
    in_transaction_ = false;
    deferred_.clear();
    if (!in_flight_.empty()) {  // a COMMIT sent whose answer nobody waited for: its results are read and let go
      Cleared unread{pipeline_answers(in_flight_.size(), in_flight_begun_)};
      in_flight_.clear();
    }
    begin_pending_ = false;
    if (!broken() && PQtransactionStatus(conn_) != PQTRANS_IDLE) execute_script("ROLLBACK");
  }
  bool broken() const override { return unusable_ || PQstatus(conn_) != CONNECTION_OK; }
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

  struct Cleared {
    std::vector<PGresult*> results;
    ~Cleared() {
      for (auto* r : results) PQclear(r);
    }
  };

  // A statement's result: its rows to `visit`, or its failure thrown.
  void take(PGresult* result, std::string_view sql, const std::function<void(Row&)>& visit) {
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

  // Sends a BEGIN still owed and the reads' statements in one pipeline, and answers each statement's
  // result in order (the caller clears them). The pipeline ends before it returns, so the connection
  // is as after PQexec. A BEGIN that failed answers its own result first, and no statement is run;
  // after a statement that failed, those behind it are not run either (their results say so).
  std::vector<PGresult*> pipeline(const std::vector<Read>& reads) {
    const auto begun = send_pipeline(reads);
    return pipeline_answers(reads.size(), begun);
  }

  // The sending half of pipeline(): whether a BEGIN went first, or nullopt if sending failed.
  std::optional<bool> send_pipeline(const std::vector<Read>& reads) {
    // Prepared first: a statement cannot be prepared inside a pipeline.
    std::vector<const std::string*> names;
    std::vector<std::vector<const char*>> values(reads.size());
    for (std::size_t i = 0; i < reads.size(); ++i) {
      for (const auto& p : reads[i].params) values[i].push_back(p ? p->c_str() : nullptr);
      // COMMIT (after writes owed) goes unnamed: it has no plan to keep.
      const bool named = named_statements_ && reads[i].sql != kCommit;
      names.push_back(named ? &prepared(reads[i].sql, static_cast<int>(values[i].size())) : nullptr);
    }
    const bool begin = begin_pending_;
    begin_pending_ = false;
    bool sent = PQenterPipelineMode(conn_) == 1 &&
                (!begin || PQsendQueryParams(conn_, "BEGIN", 0, nullptr, nullptr, nullptr, nullptr, 0) == 1);
    for (std::size_t i = 0; sent && i < reads.size(); ++i) {
      const int n = static_cast<int>(values[i].size());
      sent = (names[i] ? PQsendQueryPrepared(conn_, names[i]->c_str(), n, values[i].data(), nullptr, nullptr, 0)
                       : PQsendQueryParams(conn_, reads[i].sql.c_str(), n, nullptr, values[i].data(), nullptr, nullptr,
                                           0)) == 1;
    }
    sent = sent && PQpipelineSync(conn_) == 1 && PQflush(conn_) == 0;
    if (!sent) return std::nullopt;
    return begin;
  }

  // The answering half: the results of `count` statements sent by send_pipeline, which said whether a
  // BEGIN went first (`begin`).
  std::vector<PGresult*> pipeline_answers(std::size_t count, std::optional<bool> begin) {
    bool sent = begin.has_value();
    PGresult* begun = nullptr;  // BEGIN's result, kept only if it failed
    std::vector<PGresult*> answers(count, nullptr);
    const int last = static_cast<int>(count) - 1;
    int query = begin.value_or(false) ? -1 : 0;  // whose results are being read: -1 the BEGIN, then each statement
    while (sent) {
      PGresult* r = PQgetResult(conn_);
      if (!r) {  // the end of one query's results
        if (++query > last + 1 || broken()) break;
        continue;
      }
      const auto status = PQresultStatus(r);
      if (status == PGRES_PIPELINE_SYNC) {
        PQclear(r);
        break;
      }
      if (query == -1 && status != PGRES_COMMAND_OK && !begun) {
        begun = r;
      } else if (query >= 0 && query <= last && !answers[static_cast<std::size_t>(query)]) {
        answers[static_cast<std::size_t>(query)] = r;
      } else {
        PQclear(r);
      }
    }
    // Only a link broken mid-pipeline leaves results unread; were it ever otherwise, a connection
    // still in pipeline mode would refuse every later statement, so it is never handed out again.
    if (PQexitPipelineMode(conn_) != 1) unusable_ = true;
    if (begun) {
      PQclear(answers.front());
      answers.front() = begun;
    }
    // Nothing came back (the link broke while sending): a result that says so, for the caller's checks.
    for (auto& a : answers)
      if (!a) a = PQmakeEmptyPGresult(conn_, PGRES_FATAL_ERROR);
    return answers;
  }

  // Writes owed (each_row_later) go on their own before a statement that cannot join a pipeline.
  void send_deferred() {
    if (deferred_.empty()) return;
    auto owed = std::move(deferred_);
    deferred_.clear();
    run_together(owed);
  }

  // One pipeline, each result taken in order: a write owed that failed is the reason the
  // statements behind it did not run, and is what is thrown.
  void run_together(const std::vector<Read>& reads) { take_each(reads, pipeline(reads)); }
  void take_each(const std::vector<Read>& reads, std::vector<PGresult*> answers) {
    Cleared results{std::move(answers)};
    for (std::size_t i = 0; i < reads.size(); ++i) take(results.results[i], reads[i].sql, reads[i].visit);
  }

  [[noreturn]] void fail(const std::string& message) const {
    if (broken()) throw DatabaseUnavailable("PostgreSQL connection lost: " + message);
    throw DatabaseError("PostgreSQL: " + message);
  }

  PGconn* conn_;
  bool named_statements_;
  std::unordered_map<std::string, std::string> statements_;  // SQL -> the name it is prepared under
  std::uint64_t named_ = 0;
  bool begin_pending_ = false;
  bool in_transaction_ = false;  // between begin and commit or rollback
  std::vector<Read> deferred_;   // writes owed by each_row_later, in order
  std::vector<Read> in_flight_;  // sent by commit_sent, the COMMIT last, answers not yet read
  std::optional<bool> in_flight_begun_;
  bool unusable_ = false;
  bool copy_sent_ = false;  // every piece of the COPY under way was taken by libpq
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
