// A read beside a use case's work runs on a connection of its own while the work holds the
// envelope's, answers what it read, and hands its failure to the work that asks for it; beyond
// kReadsBeside at once, a read runs on the work's own connection when asked for. On both engines
// (ctest runs Store* on PostgreSQL too).
#include <gtest/gtest.h>

#include <future>
#include <vector>

#include "app/kernel/envelope.hpp"
#include "test_services.hpp"

using namespace waypoint;

namespace {

// A migrated database of the test's own, and the services a read beside is given.
using Database = test_support::MigratedServices;

}  // namespace

TEST(StoreReadBeside, ReadsOnAConnectionOfItsOwnWhileTheWorkHoldsOne) {
  Database d;
  d.db->with_connection([&](store::Connection& held) {
    const auto& s = d.services;
    auto beside = app::read_beside(s, held, [&held](store::Connection& c) {
      EXPECT_NE(&c, &held) << "the read beside was handed the connection the work holds";
      return c.query_one("SELECT 40 + 2")->integer(0);
    });
    EXPECT_EQ(held.query_one("SELECT 1")->integer(0), 1);  // the work goes on meanwhile
    EXPECT_EQ(beside.get(), 42);
  });
}

TEST(StoreReadBeside, AFailedReadReachesTheWorkThatAsksForIt) {
  Database d;
  d.db->with_connection([&](store::Connection& held) {
    const auto& s = d.services;
    auto beside = app::read_beside(
        s, held, [](store::Connection& c) { return c.query_one("SELECT * FROM no_such_table").has_value(); });
    EXPECT_THROW(beside.get(), store::DatabaseError);
    // The connection went back to the pool usable, and the slot it took is free again.
    for (int i = 0; i <= app::kReadsBeside; ++i) {
      auto next = app::read_beside(s, held, [&held](store::Connection& c) { return &c != &held; });
      EXPECT_TRUE(next.get()) << "read " << i << " ran on the work's connection: a slot was never given back";
    }
  });
}

TEST(StoreReadBeside, BeyondTheLimitAReadRunsOnTheWorksOwnConnection) {
  Database d;
  d.db->with_connection([&](store::Connection& held) {
    const auto& s = d.services;
    std::promise<void> open;
    const auto gate = open.get_future().share();
    std::vector<std::future<const store::Connection*>> busy;
    for (int i = 0; i < app::kReadsBeside; ++i)  // every slot taken, and held until the gate opens
      busy.push_back(app::read_beside(s, held, [gate](store::Connection& c) {
        gate.wait();
        return static_cast<const store::Connection*>(&c);
      }));
    auto over = app::read_beside(s, held, [](store::Connection& c) {
      c.query_one("SELECT 1");
      return static_cast<const store::Connection*>(&c);
    });
    EXPECT_EQ(over.get(), &held);
    open.set_value();
    for (auto& b : busy) EXPECT_NE(b.get(), &held);
  });
}
