// What the outcomes read of the store, on both engines (store.postgres runs these on PostgreSQL).
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "one_placement.hpp"
#include "store/accounts/organisation_store.hpp"
#include "store/kernel/migrations.hpp"
#include "store/kernel/planner_statistics.hpp"
#include "store/outcomes/outcome_store.hpp"
#include "test_database.hpp"

using namespace waypoint;

// The placements the figures count come in the order they started (the day they were made active,
// else the day planned), then by number: the store puts them in order itself, whatever order the
// engine finds them in (here, the order they were made).
TEST(StoreOutcomes, ThePlacementsComeInTheOrderTheyStartedThenByNumber) {
  auto db = test_support::fresh_database();
  store::migrate(*db);
  db->transaction([&](store::Connection& c) {
    const auto at = test_support::one_placement(c);  // planned from 2 November 2026
    auto record = *store::find_placement(c, at.placement);
    const auto another = [&](const char* start) {
      record.terms.start_date = start;
      return store::insert_placement(c, record, at.user, "2026-11-23T09:00:00Z");
    };
    const auto december = another("2026-12-01");
    const auto september = another("2026-09-07");
    const auto also_december = another("2026-12-01");
    const auto started_late = another("2026-10-01");  // planned for October, made active in January
    c.exec("UPDATE placements SET activated_on = '2027-01-04' WHERE id = $1", {store::integer(started_late)});
    std::vector<std::int64_t> in_order;
    for (const auto& row :
         store::placements_for_outcomes(c, store::OutcomeScope::School, at.school, "2026-09-01", "2027-08-31"))
      in_order.push_back(row.placement_id);
    EXPECT_EQ(in_order, (std::vector<std::int64_t>{september, at.placement, december, also_december, started_late}));
  });
}

// On SQLite the three reads beside an area's placements (sessions by code, baselines, checks) take
// the placements and the days they are tested by from the school's index alone, without opening
// each placement's row (migration 0067).
TEST(StoreOutcomes, OnSqliteTheReadsBesideAnAreasPlacementsTakeThemFromTheSchoolsIndexAlone) {
  if (std::getenv("WAYPOINT_TEST_PG")) GTEST_SKIP() << "PostgreSQL scans an area's placements at LA scale";
  auto db = test_support::fresh_database();
  store::migrate(*db);
  test_support::OnePlacement at;
  std::int64_t la = 0;
  db->transaction([&](store::Connection& c) {
    // An area's shape: twenty schools, each with placements awaiting, active and ended.
    at = test_support::one_placement(c);
    la = *store::find_organisation(c, at.school)->parent_id;
    auto record = *store::find_placement(c, at.placement);
    for (int school = 0; school < 20; ++school) {
      domain::Organisation o;
      o.kind = domain::OrganisationKind::School;
      o.name = "School " + std::to_string(school);
      o.parent_id = la;
      record.school_id = store::insert_organisation(c, o, "2026-11-23T09:00:00Z");
      for (const char* status : {"awaiting", "active", "ended", "active", "ended"}) {
        record.status = status;
        store::insert_placement(c, record, at.user, "2026-11-23T09:00:00Z");
      }
    }
  });
  store::refresh_planner_statistics(*db);  // as `serve` does when it starts
  db->with_connection([&](store::Connection& c) {
    store::OutcomeDetails details;
    const auto reads =
        store::outcome_details_reads(details, store::OutcomeScope::LocalAuthority, la, "2026-09-01", "2027-08-31");
    ASSERT_EQ(reads.size(), 3u);
    for (const auto& read : reads) {
      std::string plan;
      for (const auto& step : c.query("EXPLAIN QUERY PLAN " + read.sql, read.params)) plan += step.text(3) + "\n";
      EXPECT_NE(plan.find("USING COVERING INDEX placements_school "), std::string::npos) << read.sql << "\n" << plan;
    }
  });
}
