#pragma once
#include "store/kernel/database.hpp"

namespace waypoint::store {

// Gathers the table statistics the engine's query planner chooses indexes by. Without them SQLite
// guessed: a provider's register scanned every active placement in the area (placements_active)
// instead of the provider's own 30 (placements_provider). SQLite samples each index (a bounded
// ANALYZE, quick on any size); PostgreSQL runs ANALYZE, which its autovacuum also does by itself.
void refresh_planner_statistics(Database& db);

}  // namespace waypoint::store
