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
#include "store/placements/plan_store.hpp"
#include "store/reintegration/reintegration_store.hpp"
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

// An area's figures are kept while everything they read stands: each change they rest on moves the
// area's revision, however it is made (the store's own writes or a statement straight in the
// database), and another area's changes leave it as it was. SQLite keeps no revisions.
TEST(StoreOutcomesRevision, MovesWithEveryChangeAnAreasFiguresRestOn) {
  auto db = test_support::fresh_database();
  store::migrate(*db);
  db->transaction([&](store::Connection& c) {
    constexpr const char* now = "2026-11-23T09:00:00Z";
    const auto at = test_support::one_placement(c);
    const auto la = *store::find_organisation(c, at.school)->parent_id;
    if (c.engine() == store::Engine::Sqlite) {
      EXPECT_EQ(store::outcomes_revision(c, la), std::nullopt);
      return;
    }
    domain::Organisation o;
    o.kind = domain::OrganisationKind::LocalAuthority;
    o.name = "Another LA";
    const auto other_la = store::insert_organisation(c, o, now);
    o.kind = domain::OrganisationKind::School;
    o.name = "A school in another LA";
    o.parent_id = other_la;
    const auto other_school = store::insert_organisation(c, o, now);
    auto record = *store::find_placement(c, at.placement);
    record.school_id = record.commissioner_id = other_school;
    const auto elsewhere = store::insert_placement(c, record, at.user, now);

    // Each change is committed before the revision is read again, as changes are made: a transaction
    // moves a revision once, however many changes it makes.
    const auto committed = [&] {
      c.commit();
      c.begin();
    };
    committed();
    auto last = store::outcomes_revision(c, la);
    ASSERT_TRUE(last);
    const auto moved = [&](const char* by) {
      committed();
      const auto revision = store::outcomes_revision(c, la);
      EXPECT_NE(revision, last) << by;
      last = revision;
    };
    const auto stood = [&](const char* by) {
      committed();
      EXPECT_EQ(store::outcomes_revision(c, la), last) << by;
    };
    const auto mark = [&](std::int64_t placement, std::int64_t school, const char* day) {
      c.exec(
          "INSERT INTO attendance_marks (pupil_id, placement_id, provider_id, school_id, session_date, session, "
          "mark, minutes_late, absence_code, provider_code, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, "
          "'am', 'present', 0, '', '/', $6, $7)",
          {store::integer(at.pupil), store::integer(placement), store::integer(at.provider), store::integer(school),
           day, store::integer(at.user), now});
    };

    mark(at.placement, at.school, "2026-11-23");
    moved("a mark taken");
    mark(elsewhere, other_school, "2026-11-24");
    stood("a mark in another area");
    c.exec("UPDATE attendance_marks SET school_code = 'B' WHERE placement_id = $1", {store::integer(at.placement)});
    moved("a mark's code changed by the school");
    c.exec("UPDATE placements SET status = 'ended', ended_on = '2026-11-27', end_reason = 'completed' WHERE id = $1",
           {store::integer(at.placement)});
    moved("the placement ended");
    c.exec("UPDATE placements SET status = 'ended' WHERE id = $1", {store::integer(elsewhere)});
    stood("a placement in another area ended");
    domain::Plan plan;
    plan.objectives.push_back(
        {"attendance", "Attend", "60", "2026-10-01", "school", "90", "percent", "%", "2027-03-31", "Head"});
    const auto version = store::insert_plan_version(c, at.placement, 1, plan, at.user, now);
    moved("a plan drafted");
    store::mark_agreed(c, at.placement, version, at.user, "2026-11-02", now);
    moved("a plan agreed");
    c.exec("UPDATE plan_objectives SET baseline_value = '55' WHERE plan_version_id = $1", {store::integer(version)});
    moved("a baseline corrected");
    store::ReturnCheckRow check{at.placement, 1, "2026-12-11", "2026-12-11", "95", 0, 4, true, "", ""};
    store::insert_return_check(c, check, at.user, now);
    moved("a check after the return");
    c.exec("DELETE FROM return_follow_ups WHERE placement_id = $1", {store::integer(at.placement)});
    moved("a check disposed of");
    c.exec("UPDATE organisations SET name = name WHERE id = $1", {store::integer(at.provider)});
    stood("a provider's details saved with its name as it was");
    c.exec("UPDATE organisations SET name = 'A provider renamed' WHERE id = $1", {store::integer(at.provider)});
    moved("a provider renamed");
    c.exec("UPDATE organisations SET parent_id = $2 WHERE id = $1", {store::integer(other_school), store::integer(la)});
    moved("a school that moved into the area");

    // Three placements added and one ended in one transaction move the area's revision by one.
    const auto area_revision = [&] {
      return c.query_one("SELECT revision FROM outcome_revisions WHERE la_id = $1", {store::integer(la)})->integer(0);
    };
    const auto before = area_revision();
    for (int i = 0; i < 3; ++i) store::insert_placement(c, record, at.user, now);
    c.exec("UPDATE placements SET status = 'ended' WHERE id = $1", {store::integer(elsewhere)});
    moved("placements added");
    EXPECT_EQ(area_revision(), before + 1);
  });
}
