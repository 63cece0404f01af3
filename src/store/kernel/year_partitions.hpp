#pragma once
#include <string>
#include <vector>

#include "store/kernel/database.hpp"

namespace waypoint::store {

// One academic year of a table partitioned by year on PostgreSQL (the marks, migration 0050; the
// audit trail, 0051): the rows from `first_day` up to, not including, `day_after`.
struct YearPartition {
  std::string table;      // attendance_marks_2016_17
  std::string first_day;  // 2016-09-01
  std::string day_after;  // 2017-09-01
};

// The years `parent` has, oldest first, from the bounds PostgreSQL holds for them ("FOR VALUES FROM
// ('2016-09-01') TO ('2017-09-01')"). The table of other years (DEFAULT), and any bound of another
// shape, are not among them.
std::vector<YearPartition> year_partitions(Connection& c, const std::string& parent);

}  // namespace waypoint::store
