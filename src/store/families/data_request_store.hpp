#pragma once
// Requests for a copy of a child's record, and data protection complaints, as they move to an end.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/kernel/database.hpp"

namespace waypoint::store {

struct DataRequestRow {
  std::int64_t id = 0;
  std::int64_t pupil_id = 0;
  std::int64_t school_id = 0;
  std::string kind;  // access, complaint
  std::string details;
  std::int64_t made_by = 0;
  std::string received_on;
  std::string made_at;
  std::optional<std::string> acknowledged_at;
  std::optional<std::string> extension_reason;
  std::optional<std::string> outcome;
  std::optional<std::string> summary;
  std::optional<std::string> closed_at;
  std::string made_by_name;  // for reading
  std::string pupil_name;    // for reading
};

std::int64_t insert_data_request(Connection& c, const DataRequestRow& row);
std::optional<DataRequestRow> find_data_request(Connection& c, std::int64_t id);
// Open ones first, oldest first; then the closed, newest first.
std::vector<DataRequestRow> data_requests_of_school(Connection& c, std::int64_t school_id);
std::vector<DataRequestRow> data_requests_by(Connection& c, std::int64_t pupil_id, std::int64_t user_id);
void acknowledge_data_request(Connection& c, std::int64_t id, const std::string& now);
void extend_data_request(Connection& c, std::int64_t id, const std::string& reason);
// `released_copy`: for a request for a copy, the copy as released (JSON).
void close_data_request(Connection& c, std::int64_t id, const std::string& outcome, const std::string& summary,
                        const std::optional<std::string>& released_copy, std::int64_t user_id, const std::string& now);
std::optional<std::string> released_copy_of(Connection& c, std::int64_t id);

}  // namespace waypoint::store
