#pragma once
#include <optional>
#include <string>
#include <vector>

#include "store/kernel/database.hpp"

namespace waypoint::store {

struct Migration {
  int version;
  std::string name;
  std::string sql;
  // A file named like 0016_x.sqlite.sql or 0016_x.postgres.sql applies to that engine only: for what
  // the two engines say differently (triggers, privileges).
  std::optional<Engine> only_on = std::nullopt;
};

// The numbered migrations compiled into the binary, in order.
std::vector<Migration> bundled_migrations();

// Applies every migration not yet recorded, each in its own transaction; returns the names applied.
// A migration that fails is rolled back whole and stops the run.
std::vector<std::string> migrate(Database& db, const std::vector<Migration>& migrations = bundled_migrations());

}  // namespace waypoint::store
