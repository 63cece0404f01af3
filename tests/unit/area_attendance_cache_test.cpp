// An area's past weeks of attendance are kept between requests only while their totals stand: a
// change to any of those weeks' totals (however made), a week gaining its first totals, or a school
// moving LA (the calendar revision) gives another revision, and nothing kept under an older one is
// used. The store's revisions on both engines (ctest runs Store* on PostgreSQL too): SQLite keeps none.
#include <gtest/gtest.h>

#include "app/area/area_attendance_cache.hpp"
#include "store/accounts/organisation_store.hpp"
#include "store/kernel/migrations.hpp"
#include "test_database.hpp"

using namespace waypoint;

namespace {

const char* kAddedAt = "2026-11-30T09:00:00Z";

app::AreaAttendanceCache::Sessions sessions_of(std::int64_t placement, int attended) {
  app::SessionsByPlacement s;
  s[placement].possible = attended;
  s[placement].attended = attended;
  return std::make_shared<const app::SessionsByPlacement>(std::move(s));
}

}  // namespace

TEST(AreaAttendanceCache, KeepsAPeriodWhileItsWeeksStand) {
  app::AreaAttendanceCache cache;
  const app::AreaAttendanceCache::Weeks half_term{1, "2026-11-02", "2026-11-23"};
  const store::AreaWeeksRevision stood{4, {{"2026-11-02", 3}, {"2026-11-09", 1}}};
  const auto kept = sessions_of(7, 10);
  cache.keep(half_term, stood, kept);
  EXPECT_EQ(cache.find(half_term, stood), kept);
  auto moved = stood;
  moved.weeks[1].second = 2;
  EXPECT_EQ(cache.find(half_term, moved), nullptr) << "a week's totals changed";
  auto gained = stood;
  gained.weeks.emplace_back("2026-11-16", 1);
  EXPECT_EQ(cache.find(half_term, gained), nullptr) << "a week had its first totals";
  auto calendar = stood;
  calendar.calendar = 5;
  EXPECT_EQ(cache.find(half_term, calendar), nullptr) << "a school may have changed LA";
  EXPECT_EQ(cache.find({2, "2026-11-02", "2026-11-23"}, stood), nullptr) << "another area";
  EXPECT_EQ(cache.find({1, "2026-11-09", "2026-11-23"}, stood), nullptr) << "other weeks";
  const auto again = sessions_of(7, 11);
  cache.keep(half_term, moved, again);
  EXPECT_EQ(cache.find(half_term, moved), again);
  EXPECT_EQ(cache.find(half_term, stood), nullptr) << "one period is kept once, as last read";
}

TEST(AreaAttendanceCache, KeepsTheSixteenPeriodsUsedLast) {
  app::AreaAttendanceCache cache;
  const store::AreaWeeksRevision stood{1, {}};
  const auto weeks = [](int la) { return app::AreaAttendanceCache::Weeks{la, "2026-11-02", "2026-11-23"}; };
  for (int la = 1; la <= 16; ++la) cache.keep(weeks(la), stood, sessions_of(la, la));
  ASSERT_NE(cache.find(weeks(1), stood), nullptr);  // used again: the last to go
  cache.keep(weeks(17), stood, sessions_of(17, 17));
  EXPECT_NE(cache.find(weeks(1), stood), nullptr);
  EXPECT_EQ(cache.find(weeks(2), stood), nullptr) << "the least recently used goes";
  for (int la = 3; la <= 17; ++la) EXPECT_NE(cache.find(weeks(la), stood), nullptr) << la;
}

TEST(StoreAreaWeeksRevision, MovesWithEveryChangeToAWeeksTotals) {
  auto db = test_support::fresh_database();
  store::migrate(*db);
  db->transaction([&](store::Connection& c) {
    const auto organisation = [&](domain::OrganisationKind kind, std::optional<std::int64_t> parent) {
      domain::Organisation o;
      o.kind = kind;
      o.name = "An organisation";
      o.parent_id = parent;
      return store::insert_organisation(c, o, kAddedAt);
    };
    const auto la = organisation(domain::OrganisationKind::LocalAuthority, std::nullopt);
    const auto other_la = organisation(domain::OrganisationKind::LocalAuthority, std::nullopt);
    const auto school = organisation(domain::OrganisationKind::School, la);
    const auto elsewhere = organisation(domain::OrganisationKind::School, other_la);
    const auto revision = [&] { return store::area_weeks_revision(c, la, "2026-11-02", "2026-11-16"); };
    const auto add = [&](std::int64_t at, const char* week, int sessions) {
      c.exec(
          "INSERT INTO attendance_week_totals (school_id, week_start, placement_id, code, sessions) VALUES ($1, "
          "$2, 1, '/', $3) ON CONFLICT (school_id, week_start, placement_id, code) DO UPDATE SET sessions = "
          "attendance_week_totals.sessions + excluded.sessions",
          {store::integer(at), week, store::integer(sessions)});
    };
    if (c.engine() == store::Engine::Sqlite) {
      add(school, "2026-11-02", 2);
      EXPECT_EQ(revision(), std::nullopt) << "the embedded engine keeps no weeks' revisions";
      return;
    }
    const auto before = revision();
    ASSERT_TRUE(before);
    EXPECT_TRUE(before->weeks.empty());
    add(school, "2026-11-02", 2);
    const auto first = revision();
    ASSERT_EQ(first->weeks.size(), 1u);
    EXPECT_EQ(first->weeks[0].first, "2026-11-02");
    add(school, "2026-11-09", 2);
    add(school, "2026-11-23", 2);     // after the weeks asked about
    add(elsewhere, "2026-11-02", 2);  // another area's school
    const auto second = revision();
    ASSERT_EQ(second->weeks.size(), 2u);
    EXPECT_EQ(second->weeks[0], first->weeks[0]) << "no change to that week's totals";
    add(school, "2026-11-02", 1);  // a register for that week taken late
    const auto third = revision();
    EXPECT_NE(third->weeks[0].second, second->weeks[0].second);
    EXPECT_EQ(third->weeks[1], second->weeks[1]);
    c.exec("UPDATE attendance_week_totals SET sessions = sessions - 1 WHERE week_start = '2026-11-09'");
    const auto fourth = revision();
    EXPECT_EQ(fourth->weeks[0], third->weeks[0]);
    EXPECT_NE(fourth->weeks[1], third->weeks[1]) << "a change made straight in the database";
    c.exec("DELETE FROM attendance_week_totals WHERE week_start = '2026-11-09' AND school_id = $1",
           {store::integer(school)});
    EXPECT_NE(revision()->weeks[1], fourth->weeks[1]) << "totals disposed of";
    const auto calendar = revision()->calendar;
    c.exec("UPDATE organisations SET parent_id = $2 WHERE id = $1", {store::integer(elsewhere), store::integer(la)});
    EXPECT_NE(revision()->calendar, calendar) << "a school that moved LA brings its totals";
  });
}
