#pragma once
// A fresh, empty database for a store test: a new SQLite file, or, when WAYPOINT_TEST_PG names a
// PostgreSQL server (as `ctest -R store.postgres` does), a new database on it.
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "store/kernel/database.hpp"

namespace waypoint::test_support {

inline std::string fresh_database_url() {
  static std::atomic<int> n{0};
  const auto tag =
      std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()) + "_" + std::to_string(n++);
  if (const char* pg = std::getenv("WAYPOINT_TEST_PG"); pg && *pg) {
    auto admin = store::open_database(std::string(pg) + " dbname=postgres");
    admin->with_connection([&](store::Connection& c) { c.execute_script("CREATE DATABASE wp_unit_" + tag); });
    return std::string(pg) + " dbname=wp_unit_" + tag;
  }
  const auto dir = std::filesystem::temp_directory_path() / "waypoint-unit";
  std::filesystem::create_directories(dir);
  return "sqlite:" + (dir / ("db_" + tag + ".sqlite")).string();
}

inline std::unique_ptr<store::Database> fresh_database() { return store::open_database(fresh_database_url()); }

}  // namespace waypoint::test_support
