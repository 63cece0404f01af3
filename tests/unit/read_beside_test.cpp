// A read beside a use case's work runs on a connection of its own while the work holds the
// envelope's, answers what it read, and hands its failure to the work that asks for it. On both
// engines (ctest runs Store* on PostgreSQL too).
#include <gtest/gtest.h>

#include "app/kernel/clock.hpp"
#include "app/kernel/envelope.hpp"
#include "store/kernel/migrations.hpp"
#include "test_database.hpp"

using namespace waypoint;

TEST(StoreReadBeside, ReadsOnAConnectionOfItsOwnWhileTheWorkHoldsOne) {
  auto db = test_support::fresh_database();
  store::migrate(*db);
  app::SystemClock clock;
  const app::Services s{*db, clock, {}, {}, nullptr};
  db->with_connection([&](store::Connection& held) {
    auto beside = app::read_beside(s, [&held](store::Connection& c) {
      EXPECT_NE(&c, &held) << "the read beside was handed the connection the work holds";
      return c.query_one("SELECT 40 + 2")->integer(0);
    });
    EXPECT_EQ(held.query_one("SELECT 1")->integer(0), 1);  // the work goes on meanwhile
    EXPECT_EQ(beside.get(), 42);
  });
}

TEST(StoreReadBeside, AFailedReadReachesTheWorkThatAsksForIt) {
  auto db = test_support::fresh_database();
  store::migrate(*db);
  app::SystemClock clock;
  const app::Services s{*db, clock, {}, {}, nullptr};
  auto beside =
      app::read_beside(s, [](store::Connection& c) { return c.query_one("SELECT * FROM no_such_table").has_value(); });
  EXPECT_THROW(beside.get(), store::DatabaseError);
  // The connection went back to the pool usable: the next read beside answers.
  EXPECT_EQ(app::read_beside(s, [](store::Connection& c) { return c.query_one("SELECT 7")->integer(0); }).get(), 7);
}
