#include "store/kernel/database.hpp"

#include <charconv>

namespace waypoint::store {

const std::string& Row::text(std::size_t i) const {
  const auto& v = cells_.at(i);
  if (!v) throw DatabaseError("column " + std::to_string(i) + " is NULL where text was expected");
  return *v;
}

std::int64_t Row::integer(std::size_t i) const {
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

std::unique_ptr<Connection> Database::acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto c = std::move(idle_.back());
      idle_.pop_back();
      return c;
    }
  }
  return connect();
}

void Database::release(std::unique_ptr<Connection> c) {
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(c));
}

void Database::with_connection(const std::function<void(Connection&)>& work) {
  auto c = acquire();
  try {
    work(*c);
  } catch (...) {
    release(std::move(c));  // no transaction was open, so the connection is still usable
    throw;
  }
  release(std::move(c));
}

void Database::transaction(const std::function<void(Connection&)>& work) {
  auto c = acquire();
  c->begin();
  try {
    work(*c);
    c->commit();
  } catch (...) {
    try {
      c->rollback();
      release(std::move(c));
    } catch (...) {
    }
    throw;
  }
  release(std::move(c));
}

}  // namespace waypoint::store
