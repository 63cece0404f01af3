// An LA's outcomes are kept by a server between requests while everything they read stands
// (OutcomesCache, store::outcomes_revision): asked again with nothing changed, the figures are the
// ones kept; after a mark they count, or a placement ending, they are read afresh and count it. On
// SQLite, which keeps no revisions, each request reads its own. Both engines (ctest runs Store* on
// PostgreSQL too).
#include <gtest/gtest.h>

#include "app/outcomes/outcomes.hpp"
#include "app/outcomes/outcomes_cache.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "one_placement.hpp"
#include "test_services.hpp"

using namespace waypoint;

TEST(StoreOutcomesKept, AnAreasFiguresAreKeptUntilSomethingTheyCountChanges) {
  test_support::MigratedServices t;
  t.services.outcomes = std::make_shared<app::OutcomesCache>();
  test_support::OnePlacement at;
  std::int64_t la = 0;
  t.db->transaction([&](store::Connection& c) {
    at = test_support::one_placement(c);  // active from 2 November 2026
    la = *store::find_organisation(c, at.school)->parent_id;
  });
  app::Actor officer;
  officer.role = domain::Role::LaOfficer;
  officer.organisation_id = la;
  officer.local_authority_id = la;
  officer.client = "127.0.0.1";
  const auto year = [&] { return app::view_outcomes(t.services, officer, "2026-09-01", "2027-08-31"); };
  const bool kept = t.db->engine() == store::Engine::Postgres;

  const auto first = year();
  ASSERT_EQ(first->cohort.size(), 1u);
  EXPECT_EQ(first->cohort[0].during.possible, 0);
  const auto again = year();
  EXPECT_EQ(again == first, kept) << "nothing changed: the figures kept are given again";
  EXPECT_EQ(app::view_outcomes(t.services, officer, "2026-10-01", "2027-08-31") == first, false)
      << "another period is read for itself";

  t.db->transaction([&](store::Connection& c) {
    c.exec(
        "INSERT INTO attendance_marks (pupil_id, placement_id, provider_id, school_id, session_date, session, mark, "
        "minutes_late, absence_code, provider_code, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, "
        "'2026-11-23', 'am', 'present', 0, '', '/', $5, '2026-11-23T09:05:00Z')",
        {store::integer(at.pupil), store::integer(at.placement), store::integer(at.provider), store::integer(at.school),
         store::integer(at.user)});
  });
  const auto marked = year();
  EXPECT_NE(marked, again);
  EXPECT_EQ(marked->cohort.at(0).during.attended, 1) << "the mark is counted";
  EXPECT_EQ(year() == marked, kept);

  t.db->transaction([&](store::Connection& c) {
    c.exec("UPDATE placements SET status = 'ended', ended_on = '2026-11-27', end_reason = 'completed' WHERE id = $1",
           {store::integer(at.placement)});
  });
  const auto ended = year();
  ASSERT_TRUE(ended->cohort.at(0).ended);
  EXPECT_EQ(*ended->cohort[0].ended, domain::parse_date("2026-11-27")) << "the ending is counted";
}
