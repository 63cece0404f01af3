// Generated marks load in bulk (COPY on PostgreSQL) exactly as they were given, and each
// placement's totals by code follow them and every later change, on both engines.
#include <gtest/gtest.h>

#include "domain/providers/provider_profile.hpp"
#include "store/accounts/organisation_store.hpp"
#include "store/accounts/user_store.hpp"
#include "store/attendance/attendance_store.hpp"
#include "store/kernel/migrations.hpp"
#include "store/placements/placement_store.hpp"
#include "store/providers/provider_store.hpp"
#include "store/pupils/pupil_store.hpp"
#include "test_database.hpp"

using namespace waypoint;

namespace {

constexpr const char* kNow = "2026-11-23T09:00:00Z";

struct OnePlacement {
  std::int64_t pupil = 0, placement = 0, provider = 0, school = 0, user = 0;
};

OnePlacement one_placement(store::Connection& c) {
  OnePlacement out;
  const auto org = [&](domain::OrganisationKind kind, const char* name, std::optional<std::int64_t> parent) {
    domain::Organisation o;
    o.kind = kind;
    o.name = name;
    o.parent_id = parent;
    return store::insert_organisation(c, o, kNow);
  };
  const auto la = org(domain::OrganisationKind::LocalAuthority, "An LA", std::nullopt);
  out.school = org(domain::OrganisationKind::School, "A school", la);
  out.provider = org(domain::OrganisationKind::Provider, "A provider", la);
  domain::ProviderProfile profile;
  profile.id = out.provider;
  profile.kind = domain::provider_kinds().front().kind;
  store::insert_provider(c, profile, kNow);
  domain::User u;
  u.email = "staff@provider.example";
  u.display_name = "Staff";
  u.role = domain::Role::ProviderStaff;
  u.organisation_id = out.provider;
  out.user = store::insert_user(c, u, kNow);
  domain::Pupil p;
  p.school_id = out.school;
  p.upn = "A900000000001";
  p.given_name = "Pat";
  p.family_name = "Example";
  p.date_of_birth = "2012-01-15";
  out.pupil = store::insert_pupil(c, p, kNow);
  store::PlacementRecord pl;
  pl.pupil_id = out.pupil;
  pl.school_id = out.school;
  pl.provider_id = out.provider;
  pl.commissioner_id = out.school;
  pl.terms = {"academy_powers", "semh", "", "Re-engage", "2026-11-02", "2027-03-31", "", "",
              "school",         "Head", "", {},          "6",          "",           ""};
  pl.status = "active";
  out.placement = store::insert_placement(c, pl, out.user, kNow);
  return out;
}

std::string totals(store::Connection& c, std::int64_t placement) {
  std::string out;
  for (const auto& r : c.query("SELECT code, sessions FROM attendance_code_totals WHERE placement_id = $1 AND "
                               "sessions <> 0 ORDER BY code",
                               {store::integer(placement)}))
    out += r.text(0) + ":" + r.text(1) + " ";
  return out;
}

// The same by the week the sessions fall in, with the pupil's school.
std::string week_totals(store::Connection& c, std::int64_t placement) {
  std::string out;
  for (const auto& r : c.query("SELECT school_id, week_start, code, sessions FROM attendance_week_totals WHERE "
                               "placement_id = $1 AND sessions <> 0 ORDER BY week_start, code",
                               {store::integer(placement)}))
    out += r.text(0) + "/" + r.text(1) + " " + r.text(2) + ":" + r.text(3) + " ";
  return out;
}

}  // namespace

TEST(StoreMarkLoad, NewMarksLoadAsGivenAndTheTotalsFollowEveryChange) {
  auto db = test_support::fresh_database();
  store::migrate(*db);
  OnePlacement at;
  const auto mark = [&](const char* day, const char* session, const char* code, std::optional<std::string> reason) {
    const bool present = code == std::string("B");
    return store::MarkRow{at.pupil,
                          at.placement,
                          at.provider,
                          at.school,
                          day,
                          session,
                          present ? "present" : "absent",
                          0,
                          present ? "" : code,
                          code,
                          std::nullopt,
                          std::move(reason)};
  };
  db->transaction([&](store::Connection& c) {
    at = one_placement(c);
    // Text that COPY's format must escape arrives as it was sent; a missing reason stays missing.
    const std::string awkward = "tab\there, back\\slash \\N, new\nline\r";
    store::load_new_marks(c,
                          {mark("2026-11-02", "am", "B", awkward), mark("2026-11-02", "pm", "B", std::nullopt),
                           mark("2026-11-03", "am", "N", std::nullopt)},
                          at.user, kNow);
    EXPECT_EQ(store::find_mark(c, at.pupil, "2026-11-02", "am")->changed_reason, awkward);
    EXPECT_EQ(store::find_mark(c, at.pupil, "2026-11-02", "pm")->changed_reason, std::nullopt);
    EXPECT_EQ(totals(c, at.placement), "B:2 N:1 ");
    // A register sent again changes one mark: its old code's total falls, its new code's rises.
    store::save_marks(
        c, {mark("2026-11-02", "pm", "N", std::string("Did not arrive")), mark("2026-11-03", "pm", "B", std::nullopt)},
        at.user, kNow);
    EXPECT_EQ(totals(c, at.placement), "B:2 N:2 ");
    // The school's correction counts instead of the provider's code.
    store::correct_mark(c, at.pupil, "2026-11-03", "am", "I", "Mother rang: ill");
    EXPECT_EQ(totals(c, at.placement), "B:2 I:1 N:1 ");
    const auto school = std::to_string(at.school) + "/2026-11-02 ";  // Monday and Tuesday: one week
    EXPECT_EQ(week_totals(c, at.placement), school + "B:2 " + school + "I:1 " + school + "N:1 ");
  });
  // A load never replaces a mark that is there: the whole load fails instead.
  EXPECT_THROW(db->transaction([&](store::Connection& c) {
    store::load_new_marks(c, {mark("2026-11-02", "am", "N", std::nullopt)}, at.user, kNow);
  }),
               store::DatabaseError);
  db->with_connection(
      [&](store::Connection& c) { EXPECT_EQ(c.query_one("SELECT COUNT(*) FROM attendance_marks")->integer(0), 4); });
}

// On PostgreSQL one foreign key checks a mark's pupil, provider and school together with its
// placement (migration 0057): a mark that names another school, provider or pupil than its
// placement's is refused, and nothing of the register it came in is kept. (SQLite checks each
// key by itself, as before.)
TEST(StoreMarkLoad, OnPostgresAMarkNamesItsPlacementsPupilProviderAndSchool) {
  if (const char* pg = std::getenv("WAYPOINT_TEST_PG"); !pg || !*pg)
    GTEST_SKIP() << "PostgreSQL's key across the placement";
  auto db = test_support::fresh_database();
  store::migrate(*db);
  OnePlacement at;
  std::int64_t other_school = 0;
  db->transaction([&](store::Connection& c) {
    at = one_placement(c);
    domain::Organisation o;
    o.kind = domain::OrganisationKind::School;
    o.name = "Another school";
    other_school = store::insert_organisation(c, o, kNow);
  });
  const auto mark = [&](std::int64_t pupil, std::int64_t provider, std::int64_t school, const char* session) {
    return store::MarkRow{pupil, at.placement, provider, school,       "2026-11-02", session, "present",
                          0,     "",           "B",      std::nullopt, std::nullopt};
  };
  for (const auto& wrong : {mark(at.pupil, at.provider, other_school, "pm"), mark(at.pupil, at.school, at.school, "pm"),
                            mark(at.pupil + 1000, at.provider, at.school, "pm")})
    EXPECT_THROW(db->transaction([&](store::Connection& c) {
      store::save_marks(c, {mark(at.pupil, at.provider, at.school, "am"), wrong}, at.user, kNow);
    }),
                 store::DatabaseError);
  db->with_connection(
      [&](store::Connection& c) { EXPECT_EQ(c.query_one("SELECT COUNT(*) FROM attendance_marks")->integer(0), 0); });
  db->transaction([&](store::Connection& c) {
    store::save_marks(c, {mark(at.pupil, at.provider, at.school, "am")}, at.user, kNow);
  });
  db->with_connection(
      [&](store::Connection& c) { EXPECT_EQ(c.query_one("SELECT COUNT(*) FROM attendance_marks")->integer(0), 1); });
}
