#include "store/kernel/planner_statistics.hpp"

namespace waypoint::store {

void refresh_planner_statistics(Database& db) {
  db.with_connection([](Connection& c) {
    if (c.engine() == Engine::Sqlite)
      c.execute_script("PRAGMA analysis_limit = 1000; ANALYZE;");
    else
      c.execute_script("ANALYZE");
  });
}

}  // namespace waypoint::store
