#include "store/families/data_request_store.hpp"

namespace waypoint::store {
namespace {

constexpr const char* kSelect =
    "SELECT r.id, r.pupil_id, r.school_id, r.kind, r.details, r.made_by, r.received_on, r.made_at, "
    "r.acknowledged_at, r.extension_reason, r.outcome, r.summary, r.closed_at, u.display_name, "
    "p.given_name || ' ' || p.family_name FROM data_requests r JOIN users u ON u.id = r.made_by "
    "JOIN pupils p ON p.id = r.pupil_id ";

DataRequestRow request_from_row(const Row& r) {
  return {r.integer(0),   r.integer(1),   r.integer(2),   r.text(3),     r.text(4),
          r.integer(5),   r.text(6),      r.text(7),      r.opt_text(8), r.opt_text(9),
          r.opt_text(10), r.opt_text(11), r.opt_text(12), r.text(13),    r.text(14)};
}

}  // namespace

std::int64_t insert_data_request(Connection& c, const DataRequestRow& r) {
  return c.insert(
      "INSERT INTO data_requests (pupil_id, school_id, kind, details, made_by, received_on, made_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
      {integer(r.pupil_id), integer(r.school_id), r.kind, r.details, integer(r.made_by), r.received_on, r.made_at});
}

std::optional<DataRequestRow> find_data_request(Connection& c, std::int64_t id) {
  const auto rows = c.query(kSelect + std::string("WHERE r.id = $1"), {integer(id)});
  if (rows.empty()) return std::nullopt;
  return request_from_row(rows.front());
}

std::vector<DataRequestRow> data_requests_of_school(Connection& c, std::int64_t school_id) {
  return map_rows(c.query(kSelect + std::string("WHERE r.school_id = $1 ORDER BY r.closed_at IS NOT NULL, "
                                                "CASE WHEN r.closed_at IS NULL THEN r.id ELSE -r.id END"),
                          {integer(school_id)}),
                  request_from_row);
}

std::vector<DataRequestRow> data_requests_by(Connection& c, std::int64_t pupil_id, std::int64_t user_id) {
  return map_rows(c.query(kSelect + std::string("WHERE r.pupil_id = $1 AND r.made_by = $2 ORDER BY r.id DESC"),
                          {integer(pupil_id), integer(user_id)}),
                  request_from_row);
}

void acknowledge_data_request(Connection& c, std::int64_t id, const std::string& now) {
  c.exec("UPDATE data_requests SET acknowledged_at = $2 WHERE id = $1 AND acknowledged_at IS NULL", {integer(id), now});
}

void extend_data_request(Connection& c, std::int64_t id, const std::string& reason) {
  c.exec("UPDATE data_requests SET extension_reason = $2 WHERE id = $1", {integer(id), reason});
}

void close_data_request(Connection& c, std::int64_t id, const std::string& outcome, const std::string& summary,
                        const std::optional<std::string>& released_copy, std::int64_t user_id, const std::string& now) {
  c.exec(
      "UPDATE data_requests SET outcome = $2, summary = $3, closed_by = $4, closed_at = $5, "
      "acknowledged_at = COALESCE(acknowledged_at, $5), released_copy = $6 WHERE id = $1",
      {integer(id), outcome, summary, integer(user_id), now, released_copy});
}

std::optional<std::string> released_copy_of(Connection& c, std::int64_t id) {
  const auto row = c.query_one("SELECT released_copy FROM data_requests WHERE id = $1", {integer(id)});
  return row ? row->opt_text(0) : std::nullopt;
}

}  // namespace waypoint::store
