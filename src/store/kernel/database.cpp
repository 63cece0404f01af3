#include "store/kernel/database.hpp"

#include <algorithm>
#include <charconv>

namespace waypoint::store {

const std::string& Row::written(std::size_t i) const {
  auto& number = numbers_[i];
  if (!number.written) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, number.value).ptr;
    cells_[i].emplace(digits, end);
    number.written = true;
  }
  return *cells_[i];
}

const std::string& Row::text(std::size_t i) const {
  if (numbers_.at(i).known) return written(i);
  const auto& v = cells_[i];
  if (!v) throw DatabaseError("column " + std::to_string(i) + " is NULL where text was expected");
  return *v;
}

std::optional<std::string> Row::opt_text(std::size_t i) const {
  if (numbers_.at(i).known) return written(i);
  return cells_[i];
}

std::int64_t Row::integer(std::size_t i) const {
  if (numbers_.at(i).known) return numbers_[i].value;
  const auto& s = text(i);
  std::int64_t n = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (ec != std::errc() || ptr != s.data() + s.size())
    throw DatabaseError("column " + std::to_string(i) + " is not an integer: " + s);
  return n;
}

std::optional<std::int64_t> Row::opt_integer(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return integer(i);
}

void Connection::each_row_together(const std::vector<Read>& reads) {
  for (const auto& r : reads) each_row(r.sql, r.params, r.visit);
}

Rows Connection::query(std::string_view sql, const Params& params) {
  Rows rows;
  each_row(sql, params, [&](Row& r) { rows.push_back(std::move(r)); });
  return rows;
}

std::optional<Row> Connection::query_one(std::string_view sql, const Params& params) {
  auto rows = query(sql, params);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::int64_t Connection::insert(std::string_view sql, const Params& params) {
  auto row = query_one(sql, params);
  if (!row) throw DatabaseError("INSERT returned no id: " + std::string(sql));
  return row->integer(0);
}

void Connection::copy_begin(std::string_view) { throw DatabaseError("this database engine has no COPY"); }

namespace {

constexpr std::chrono::milliseconds kFirstWait{250};
constexpr std::chrono::milliseconds kLongestWait{4000};

}  // namespace

std::unique_ptr<Connection> Database::acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto c = std::move(idle_.back());
      idle_.pop_back();
      return c;
    }
    if (std::chrono::steady_clock::now() < retry_at_)
      throw DatabaseUnavailable("the database could not be reached a moment ago; waiting before trying again");
  }
  try {
    auto c = connect();
    std::lock_guard lock(mutex_);
    backoff_ = std::chrono::milliseconds{0};
    return c;
  } catch (const DatabaseUnavailable&) {
    // Back off, doubling the wait, so a database coming back up is not flooded with connections.
    std::lock_guard lock(mutex_);
    backoff_ = std::min(kLongestWait, backoff_.count() ? backoff_ * 2 : kFirstWait);
    retry_at_ = std::chrono::steady_clock::now() + backoff_;
    throw;
  }
}

void Database::release(std::unique_ptr<Connection> c) {
  if (c->broken()) return discard(std::move(c));
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(c));
}

void Database::discard(std::unique_ptr<Connection> c) {
  c.reset();
  // The idle connections were made before this one broke, so most likely broke with it.
  std::vector<std::unique_ptr<Connection>> stale;
  std::lock_guard lock(mutex_);
  stale.swap(idle_);
}

// A connection that cannot even roll back is dropped, not pooled.
void Database::rolled_back(std::unique_ptr<Connection> c) noexcept {
  try {
    c->rollback();
    release(std::move(c));
  } catch (...) {
  }
}

void Database::with_connection(const std::function<void(Connection&)>& work) {
  auto c = acquire();
  try {
    work(*c);
  } catch (...) {
    release(std::move(c));  // no transaction was open: usable again unless the link broke
    throw;
  }
  release(std::move(c));
}

void Database::transaction(const std::function<void(Connection&)>& work) {
  between(&Connection::begin, &Connection::commit, work);
}

Database::Committing Database::transaction_sent(const std::function<void(Connection&)>& work) {
  auto c = acquire();
  try {
    c->begin();
    work(*c);
    c->commit_sent();
  } catch (...) {
    rolled_back(std::move(c));
    throw;
  }
  return Committing(*this, std::move(c));
}

void Database::Committing::answered() {
  if (!c_) return;
  auto c = std::move(c_);
  try {
    c->commit_answered();
  } catch (...) {
    db_->rolled_back(std::move(c));
    throw;
  }
  db_->release(std::move(c));
}

Database::Committing::~Committing() {
  try {
    answered();
  } catch (...) {  // the caller gave up on the answer: whatever went wrong was already reported or is moot
  }
}

void Database::read(const std::function<void(Connection&)>& work) {
  between(&Connection::begin_read, &Connection::end_read, work);
}

// Rolled back if anything throws.
void Database::between(void (Connection::*open)(), void (Connection::*close)(),
                       const std::function<void(Connection&)>& work) {
  auto c = acquire();
  try {
    ((*c).*open)();
    work(*c);
    ((*c).*close)();
  } catch (...) {
    rolled_back(std::move(c));
    throw;
  }
  release(std::move(c));
}

bool Database::answers() {
  try {
    with_connection([](Connection& c) { c.query("SELECT 1"); });
    return true;
  } catch (const DatabaseError&) {
    return false;
  }
}

void append_copy_value(std::string& out, const std::optional<std::string>& value, bool last) {
  if (!value) {
    out += "\\N";
  } else {
    for (const char ch : *value) {
      if (ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r') {
        out += '\\';
        out += ch == '\t' ? 't' : ch == '\n' ? 'n' : ch == '\r' ? 'r' : '\\';
      } else {
        out += ch;
      }
    }
  }
  out += last ? '\n' : '\t';
}

}  // namespace waypoint::store
