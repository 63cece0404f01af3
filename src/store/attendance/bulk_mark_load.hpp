#pragma once

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "store/attendance/attendance_store.hpp"
#include "store/kernel/year_partitions.hpp"

namespace waypoint::store {

// Many new marks at once, for generated data (bench-data): the way the engines' manuals load a
// large table. On opening, the marks table's secondary indexes (and on PostgreSQL its keys and
// foreign keys) are set aside and its totals' triggers stopped; marks are then added as fast as the
// engine takes rows (on PostgreSQL one COPY, fed as they are made); finishing makes the indexes
// and keys again from the definitions read off the database (checking every foreign key and every
// key in one pass each, so a bad row still fails the load) and restarts the triggers. The totals
// are counted as the marks go in and added a batch at a time (SQLite) or when the load finishes
// (PostgreSQL).
// All inside the caller's transaction: a load that fails leaves the table as it was.
class BulkMarkLoad {
 public:
  // `switch_at`: how many bytes of another year's marks wait (PostgreSQL) before its COPY takes the
  // place of the open one.
  BulkMarkLoad(Connection& c, std::int64_t recorded_by, std::string recorded_at, std::size_t switch_at = 8 << 20);
  void add(const std::vector<MarkRow>& marks);
  void finish();

 private:
  void add_to_totals();  // adds what has been counted to the totals, and starts counting again
  const std::string& table_of(const std::string& day);  // the year a mark of that day goes in
  void send(const std::string& table);                  // that year's rows waiting, in its COPY

  Connection& c_;
  std::int64_t recorded_by_;
  std::string recorded_at_;
  std::size_t switch_at_;
  std::vector<std::string> remake_;  // statements that make again what was set aside, in order
  // PostgreSQL: the years' tables, the one whose COPY is open, and each year's rows not yet sent.
  std::vector<YearPartition> years_;
  std::string copying_;
  std::map<std::string, std::string> waiting_;
  std::size_t last_year_ = 0;  // in years_, the year of the last mark
  // The marks' sessions by placement and code, and by school, week, placement and code.
  std::map<std::pair<std::int64_t, std::string>, int> by_code_;
  std::map<std::tuple<std::int64_t, std::string, std::int64_t, std::string>, int> by_week_;
};

}  // namespace waypoint::store
