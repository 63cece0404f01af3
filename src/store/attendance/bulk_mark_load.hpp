#pragma once

#include <string>
#include <vector>

#include "store/attendance/attendance_store.hpp"

namespace waypoint::store {

// Many new marks at once, for generated data (bench-data): the way the engines' manuals load a
// large table. On opening, the marks table's secondary indexes (and on PostgreSQL its keys and
// foreign keys) are set aside and its totals' triggers stopped; marks are then added as fast as the
// engine takes rows (COPY on PostgreSQL); finishing makes the indexes and keys again from the
// definitions read off the database (checking every foreign key and every key in one pass each,
// so a bad row still fails the load) and restarts the triggers. Each batch of marks is added to the
// totals as it goes in.
// All inside the caller's transaction: a load that fails leaves the table as it was.
class BulkMarkLoad {
 public:
  BulkMarkLoad(Connection& c, std::int64_t recorded_by, std::string recorded_at);
  void add(const std::vector<MarkRow>& marks);
  void finish();

 private:
  Connection& c_;
  std::int64_t recorded_by_;
  std::string recorded_at_;
  std::vector<std::string> remake_;  // statements that make again what was set aside, in order
};

}  // namespace waypoint::store
