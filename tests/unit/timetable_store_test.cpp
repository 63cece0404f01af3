// A pupil's week as the store writes it, on SQLite and, under `ctest -R store.postgres`, PostgreSQL.
#include <gtest/gtest.h>

#include "one_placement.hpp"
#include "store/kernel/migrations.hpp"
#include "store/placements/timetable_store.hpp"
#include "test_database.hpp"

using namespace waypoint;

// A week is written twenty slots a statement: one of 27 slots takes two, and the week before it
// goes to the history whole, whichever week replaces it.
TEST(StoreTimetables, AWeekOfManySlotsIsWrittenWholeAndTheWeekBeforeIsKept) {
  auto db = test_support::fresh_database();
  store::migrate(*db);
  const auto week = [](std::int64_t placement, int slots_a_day, int days) {
    std::vector<store::SlotRow> out;
    for (unsigned day = 1; day <= static_cast<unsigned>(days); ++day)
      for (int k = 0; k < slots_a_day; ++k) {
        store::SlotRow row;
        row.slot = {std::chrono::weekday(day), 540 + 45 * k, 540 + 45 * k + 40, "provider", std::nullopt};
        row.placement_id = placement;
        out.push_back(row);
      }
    return out;
  };
  test_support::OnePlacement at;
  db->transaction([&](store::Connection& c) {
    at = test_support::one_placement(c);
    store::replace_slots(c, at.pupil, week(at.placement, 9, 3), "2026-11-23T09:00:00Z");
  });
  db->with_connection([&](store::Connection& c) {
    const auto slots = store::slots_of_pupil(c, at.pupil);
    ASSERT_EQ(slots.size(), 27u);
    EXPECT_EQ(slots.back().slot.day, std::chrono::Wednesday);
    EXPECT_EQ(slots.back().slot.start_minute, 540 + 45 * 8);
    EXPECT_EQ(slots.back().placement_id, at.placement);
  });
  db->transaction([&](store::Connection& c) {
    store::replace_slots(c, at.pupil, week(at.placement, 1, 2), "2026-11-24T09:00:00Z");
  });
  db->with_connection([&](store::Connection& c) {
    EXPECT_EQ(store::slots_of_pupil(c, at.pupil).size(), 2u);
    EXPECT_EQ(c.query_one("SELECT COUNT(*) FROM timetable_slot_history WHERE pupil_id = $1 AND superseded_at = $2",
                          {store::integer(at.pupil), std::string("2026-11-24T09:00:00Z")})
                  ->integer(0),
              27);
  });
  // An empty week leaves no slots, and the two before it in the history.
  db->transaction([&](store::Connection& c) { store::replace_slots(c, at.pupil, {}, "2026-11-25T09:00:00Z"); });
  db->with_connection([&](store::Connection& c) {
    EXPECT_TRUE(store::slots_of_pupil(c, at.pupil).empty());
    EXPECT_EQ(c.query_one("SELECT COUNT(*) FROM timetable_slot_history WHERE pupil_id = $1", {store::integer(at.pupil)})
                  ->integer(0),
              29);
  });
}
