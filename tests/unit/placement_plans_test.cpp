// The server plans each PostgreSQL statement once, for any values (force_generic_plan): these
// tests hold the plans of the hottest reads to the index that suits every value.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "one_placement.hpp"
#include "store/kernel/migrations.hpp"
#include "store/placements/placement_store.hpp"
#include "store/placements/timetable_store.hpp"
#include "test_database.hpp"

using namespace waypoint;

namespace {

// The plan of `read` when planned once, for the provider and the day given.
std::string generic_plan(store::Connection& c, const store::Read& read, const std::string& values) {
  c.exec("SET plan_cache_mode TO force_generic_plan");
  c.exec("PREPARE planned AS " + read.sql);
  std::string plan;
  for (const auto& r : c.query("EXPLAIN EXECUTE planned(" + values + ")")) plan += r.text(0) + "\n";
  c.exec("DEALLOCATE planned");
  return plan;
}

}  // namespace

// A register reads the provider's active placements running on the day, twice (the pupils, their
// slots). With 2,000 active placements elsewhere, the plan crossed the provider's index with the
// index of every active placement ending after the day, reading all 2,000 (migration 0066).
TEST(StorePlacementPlans, AProvidersPupilsOnADayAreReadByItsActivePlacementsAlone) {
  if (!std::getenv("WAYPOINT_TEST_PG")) GTEST_SKIP() << "SQLite plans each statement with its values";
  auto db = test_support::fresh_database();
  store::migrate(*db);
  test_support::OnePlacement at;
  db->transaction([&](store::Connection& c) {
    at = test_support::one_placement(c);
    // Another provider of the area with 2,000 active placements: copies of the first, but for where.
    const auto other = c.query_one(
        "INSERT INTO organisations (kind, name, parent_id, created_at) SELECT kind, 'Another provider', parent_id, "
        "created_at FROM organisations WHERE id = $1 RETURNING id",
        {store::integer(at.provider)});
    c.exec(
        "INSERT INTO providers SELECT (jsonb_populate_record(p, jsonb_build_object('organisation_id', $2::bigint))).* "
        "FROM providers p WHERE organisation_id = $1",
        {store::integer(at.provider), other->text(0)});
    c.exec(
        "INSERT INTO placements SELECT (jsonb_populate_record(pl, jsonb_build_object('id', pl.id + n, "
        "'provider_id', $2::bigint))).* FROM placements pl, generate_series(1, 2000) n WHERE pl.id = $1",
        {store::integer(at.placement), other->text(0)});
    // Each placement a slot every weekday, as a register's pupils have.
    c.exec(
        "INSERT INTO timetable_slots (pupil_id, weekday, start_minute, end_minute, setting, placement_id) SELECT "
        "pupil_id, d, 540, 900, 'provider', id FROM placements, generate_series(1, 5) d");
    c.exec("ANALYZE placements");
    c.exec("ANALYZE timetable_slots");
  });
  db->with_connection([&](store::Connection& c) {
    const auto values = std::to_string(at.provider) + ", '2026-11-30'";
    std::vector<store::ExpectedPlacement> placements;
    const auto pupils =
        generic_plan(c, store::active_placements_at_read(at.provider, "2026-11-30", placements), values);
    EXPECT_NE(pupils.find("placements_provider_active"), std::string::npos) << pupils;
    EXPECT_EQ(pupils.find("placements_active "), std::string::npos) << pupils;
    std::vector<store::SlotRow> slots;
    const auto slotted =
        generic_plan(c, store::slots_at_provider_read(at.provider, "2026-11-30", 1, slots), values + ", 1");
    EXPECT_NE(slotted.find("placements_provider_active"), std::string::npos) << slotted;
    EXPECT_EQ(slotted.find("placements_active "), std::string::npos) << slotted;
  });
}
