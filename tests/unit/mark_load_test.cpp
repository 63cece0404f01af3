// Generated marks load in bulk (COPY on PostgreSQL) exactly as they were given, and each
// placement's totals by code follow them and every later change, on both engines.
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <stdexcept>

#include "one_placement.hpp"
#include "store/attendance/attendance_store.hpp"
#include "store/attendance/bulk_mark_load.hpp"
#include "store/kernel/migrations.hpp"
#include "store/placements/placement_store.hpp"
#include "test_database.hpp"

using namespace waypoint;
using test_support::one_placement;
using test_support::OnePlacement;

namespace {

constexpr const char* kNow = "2026-11-23T09:00:00Z";

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
    // In two batches: on PostgreSQL one COPY takes them as they come.
    store::BulkMarkLoad load(c, at.user, kNow);
    load.add({mark("2026-11-02", "am", "B", awkward), mark("2026-11-02", "pm", "B", std::nullopt)});
    load.add({mark("2026-11-03", "am", "N", std::nullopt)});
    load.finish();
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
    // A first send adds the sessions that had no mark and answers the one another send made
    // meanwhile, left as that send made it until the caller saves over it.
    const auto there = store::add_marks(
        c, {mark("2026-11-04", "am", "B", std::nullopt), mark("2026-11-02", "pm", "B", std::nullopt)}, at.user, kNow);
    ASSERT_EQ(there.size(), 1u);
    EXPECT_EQ(there[0].session_date, "2026-11-02");
    EXPECT_EQ(store::find_mark(c, at.pupil, "2026-11-02", "pm")->provider_code, "N");
    EXPECT_EQ(store::find_mark(c, at.pupil, "2026-11-04", "am")->provider_code, "B");
    EXPECT_EQ(totals(c, at.placement), "B:3 I:1 N:1 ");
    EXPECT_EQ(week_totals(c, at.placement), school + "B:3 " + school + "I:1 " + school + "N:1 ");
    EXPECT_TRUE(store::add_marks(c, {}, at.user, kNow).empty());
  });
  // A load never replaces a mark that is there: the whole load fails instead, the new marks sent
  // before the one that was there with it.
  EXPECT_THROW(db->transaction([&](store::Connection& c) {
    store::BulkMarkLoad load(c, at.user, kNow);
    load.add({mark("2026-11-05", "am", "B", std::nullopt)});
    load.add({mark("2026-11-02", "am", "N", std::nullopt)});
    load.finish();
  }),
               store::DatabaseError);
  // A load given up half way, its COPY still open, is rolled back with its transaction, and the
  // connection it used goes on working.
  EXPECT_THROW(db->transaction([&](store::Connection& c) {
    store::BulkMarkLoad load(c, at.user, kNow);
    load.add({mark("2026-11-05", "am", "B", std::nullopt)});
    throw std::runtime_error("the next marks could not be made");
  }),
               std::runtime_error);
  db->with_connection(
      [&](store::Connection& c) { EXPECT_EQ(c.query_one("SELECT COUNT(*) FROM attendance_marks")->integer(0), 5); });
}

// A bulk load adds its counts to totals already kept for the same placement and week (a register
// sent before it), and puts in plainly those of keys not kept yet; the totals agree with the marks
// either way, and the indexes, keys and triggers set aside come back.
TEST(StoreMarkLoad, ABulkLoadAddsToTheTotalsAlreadyKeptAndMakesTheRest) {
  auto db = test_support::fresh_database();
  store::migrate(*db);
  OnePlacement at;
  const auto mark = [&](const char* day, const char* session, const char* code) {
    const bool present = code == std::string("B");
    return store::MarkRow{
        at.pupil, at.placement,        at.provider, at.school,    day,         session, present ? "present" : "absent",
        0,        present ? "" : code, code,        std::nullopt, std::nullopt};
  };
  db->transaction([&](store::Connection& c) {
    at = one_placement(c);
    store::save_marks(c, {mark("2026-11-02", "am", "B"), mark("2026-11-02", "pm", "N")}, at.user, kNow);
  });
  const auto load = [&](const std::vector<store::MarkRow>& marks) {
    db->transaction([&](store::Connection& c) {
      store::BulkMarkLoad bulk(c, at.user, kNow);
      bulk.add(marks);
      bulk.finish();
    });
  };
  // The week of 2 November has totals for B and N; I is new in it, and the week of 9 November is new.
  load({mark("2026-11-03", "am", "B"), mark("2026-11-03", "pm", "N"), mark("2026-11-04", "am", "I"),
        mark("2026-11-09", "am", "B")});
  db->with_connection([&](store::Connection& c) {
    EXPECT_EQ(totals(c, at.placement), "B:3 I:1 N:2 ");
    const auto school = std::to_string(at.school);
    EXPECT_EQ(week_totals(c, at.placement), school + "/2026-11-02 B:2 " + school + "/2026-11-02 I:1 " + school +
                                                "/2026-11-02 N:2 " + school + "/2026-11-09 B:1 ");
  });
  // Every key new: the rows go in without looking for one to add to.
  load({mark("2026-11-16", "am", "B"), mark("2026-11-16", "pm", "B")});
  db->transaction([&](store::Connection& c) {
    EXPECT_EQ(totals(c, at.placement), "B:5 I:1 N:2 ");
    // The triggers are back: a mark sent now is counted, and one sent again moves its count.
    store::save_marks(c, {mark("2026-11-16", "pm", "N"), mark("2026-11-17", "am", "B")}, at.user, kNow);
    EXPECT_EQ(totals(c, at.placement), "B:5 I:1 N:3 ");
    const auto school = std::to_string(at.school);
    EXPECT_EQ(week_totals(c, at.placement), school + "/2026-11-02 B:2 " + school + "/2026-11-02 I:1 " + school +
                                                "/2026-11-02 N:2 " + school + "/2026-11-09 B:1 " + school +
                                                "/2026-11-16 B:2 " + school + "/2026-11-16 N:1 ");
  });
}

// On PostgreSQL a bulk load sends each mark straight to its academic year's table: 31 August is the
// last day of a year and 1 September the first of the next, and a day before the years the
// database was made with goes to the table of other years. Marks of two years in turn, one batch
// at a time, make the open COPY change year at every batch (a switch after a byte of the other
// year's marks); every mark lands, in its year, and the totals follow. On SQLite there are no years.
TEST(StoreMarkLoad, ABulkLoadPutsEachMarkInItsYear) {
  auto db = test_support::fresh_database();
  store::migrate(*db);
  OnePlacement at;
  const auto mark = [&](const char* day, const char* session) {
    return store::MarkRow{at.pupil, at.placement, at.provider, at.school,    day,         session, "present",
                          0,        "",           "B",         std::nullopt, std::nullopt};
  };
  db->transaction([&](store::Connection& c) {
    at = one_placement(c);
    store::BulkMarkLoad load(c, at.user, kNow, 1);
    load.add({mark("2026-08-31", "am"), mark("2026-09-01", "am")});
    load.add({mark("2026-09-01", "pm"), mark("2026-08-31", "pm")});
    load.add({mark("2014-10-01", "am"), mark("2027-08-31", "am"), mark("2025-09-01", "am")});
    load.finish();
  });
  db->with_connection([&](store::Connection& c) {
    EXPECT_EQ(c.query_one("SELECT COUNT(*) FROM attendance_marks")->integer(0), 7);
    EXPECT_EQ(totals(c, at.placement), "B:7 ");
    if (c.engine() != store::Engine::Postgres) return;
    std::string where;
    for (const auto& r : c.query("SELECT tableoid::regclass::text, session_date, session FROM attendance_marks "
                                 "ORDER BY session_date, session"))
      where += r.text(1) + " " + r.text(2) + " " + r.text(0) + "\n";
    EXPECT_EQ(where,
              "2014-10-01 am attendance_marks_other_years\n"
              "2025-09-01 am attendance_marks_2025_26\n"
              "2026-08-31 am attendance_marks_2025_26\n"
              "2026-08-31 pm attendance_marks_2025_26\n"
              "2026-09-01 am attendance_marks_2026_27\n"
              "2026-09-01 pm attendance_marks_2026_27\n"
              "2027-08-31 am attendance_marks_2026_27\n");
  });
}

// One foreign key checks a mark's pupil, provider and school together with its placement
// (migration 0057 on PostgreSQL, 0061 on SQLite): a mark that names another school, provider or
// pupil than its placement's is refused, and nothing of the register it came in is kept. A
// placement cannot leave while a mark still names it.
TEST(StoreMarkLoad, AMarkNamesItsPlacementsPupilProviderAndSchool) {
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
  EXPECT_THROW(db->transaction([&](store::Connection& c) {
    c.exec("DELETE FROM timetable_slots WHERE placement_id = $1", {store::integer(at.placement)});
    c.exec("DELETE FROM placements WHERE id = $1", {store::integer(at.placement)});
  }),
               store::DatabaseError);
  db->transaction([&](store::Connection& c) {  // its marks gone first, as retention disposes of them
    c.exec("DELETE FROM attendance_marks WHERE pupil_id = $1", {store::integer(at.pupil)});
    c.exec("DELETE FROM timetable_slots WHERE placement_id = $1", {store::integer(at.placement)});
    c.exec("DELETE FROM placements WHERE id = $1", {store::integer(at.placement)});
  });
}

// A pupil's weeks are read by their placements' index, whatever dates are asked for. The server's
// statements are planned once for every value (force_generic_plan), so the plan cannot lean on the
// dates: with an index by placement alone, PostgreSQL's plan joined it to the index by week and read
// every school's weeks of the year (migration 0063). An LA's worth of weeks is made here, a week at a
// time as registers make them, so that reading by week looks as cheap to the planner as it did at
// LA scale.
TEST(StorePupilMarks, APupilsWeeksAreReadByTheirPlacementsWhateverTheDates) {
  if (!std::getenv("WAYPOINT_TEST_PG")) GTEST_SKIP() << "SQLite plans each statement with its values";
  auto db = test_support::fresh_database();
  store::migrate(*db);
  OnePlacement at;
  db->transaction([&](store::Connection& c) {
    at = one_placement(c);
    c.exec(
        "INSERT INTO attendance_week_totals (school_id, week_start, placement_id, code, sessions) SELECT $1, "
        "to_char(DATE '2025-09-01' + 7 * w, 'YYYY-MM-DD'), $2 + p, code, 3 FROM generate_series(1, 2000) p, "
        "generate_series(0, 51) w, (VALUES ('B'), ('N'), ('I')) codes(code) ORDER BY w, p",
        {store::integer(at.school), store::integer(at.placement)});
    c.exec("ANALYZE attendance_week_totals");
  });
  std::vector<store::SessionCount> counts;
  const auto read =
      store::session_counts_of_pupil_weeks_read({at.pupil, "2025-11-24", "2026-11-23", std::nullopt}, counts);
  db->with_connection([&](store::Connection& c) {
    c.exec("SET plan_cache_mode TO force_generic_plan");
    c.exec("PREPARE pupil_weeks AS " + read.sql);
    std::string plan;
    for (const auto& r :
         c.query("EXPLAIN EXECUTE pupil_weeks(" + std::to_string(at.pupil) + ", '2025-11-24', '2026-11-23')"))
      plan += r.text(0) + "\n";
    EXPECT_NE(plan.find("attendance_week_totals_placement"), std::string::npos) << plan;
    EXPECT_EQ(plan.find("attendance_week_totals_week"), std::string::npos) << plan;
    c.exec("DEALLOCATE pupil_weeks");
  });
}

namespace {

// A pupil at two providers: a week at the first (Monday to Friday, 2 to 6 November 2026, absent on
// the Tuesday, the school's correction "ill" on its morning), and the Monday after at the second.
struct AtTwoProviders {
  OnePlacement at, elsewhere;
};

AtTwoProviders marked_at_two_providers(store::Database& db) {
  OnePlacement at, elsewhere;
  const auto mark = [](const OnePlacement& p, const char* day, const char* session, const char* code) {
    return store::MarkRow{p.pupil,   p.placement, p.provider, p.school, day,          session,
                          "present", 0,           "",         code,     std::nullopt, std::nullopt};
  };
  db.transaction([&](store::Connection& c) {
    at = one_placement(c);
    // The same pupil at a second provider, on the Monday after.
    elsewhere = at;
    domain::Organisation o;
    o.kind = domain::OrganisationKind::Provider;
    o.name = "Another provider";
    elsewhere.provider = store::insert_organisation(c, o, kNow);
    domain::ProviderProfile profile;
    profile.id = elsewhere.provider;
    profile.kind = domain::provider_kinds().front().kind;
    store::insert_provider(c, profile, kNow);
    auto pl = *store::find_placement(c, at.placement);
    pl.provider_id = elsewhere.provider;
    elsewhere.placement = store::insert_placement(c, pl, at.user, kNow);
    std::vector<store::MarkRow> marks;
    for (const char* d : {"2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05", "2026-11-06"})
      for (const char* s : {"am", "pm"}) marks.push_back(mark(at, d, s, d == std::string("2026-11-03") ? "N" : "B"));
    marks.push_back(mark(elsewhere, "2026-11-09", "am", "B"));
    marks.push_back(mark(elsewhere, "2026-11-09", "pm", "B"));
    store::save_marks(c, marks, at.user, kNow);
    store::correct_mark(c, at.pupil, "2026-11-03", "am", "I", "Mother rang: ill");
  });
  return {at, elsewhere};
}

// Counts by code, in order of the code, a code's rows added up: "B:10 I:1 N:1 ".
std::string counted(const std::vector<store::SessionCount>& rows) {
  std::map<std::string, int> by_code;
  for (const auto& r : rows) by_code[r.code] += r.sessions;
  std::string out;
  for (const auto& [code, n] : by_code) out += code + ":" + std::to_string(n) + " ";
  return out;
}

}  // namespace

// A pupil's sessions newest first, a page at a time, and the sessions counted by the code that
// counts (the school's correction, else the provider's) in the database: the year's figures without
// reading the year. A provider's staff ask for their own provider's marks only.
TEST(StorePupilMarks, APageOfSessionsNewestFirstAndTheCountsByTheCodeThatCounts) {
  auto db = test_support::fresh_database();
  store::migrate(*db);
  const auto [at, elsewhere] = marked_at_two_providers(*db);
  const auto sessions = [](const std::vector<store::MarkRow>& marks) {
    std::string out;
    for (const auto& m : marks) out += m.session_date.substr(8) + m.session + " ";
    return out;
  };
  db->with_connection([&](store::Connection& c) {
    const store::PupilMarks all{at.pupil, "2026-11-01", "2026-11-30", std::nullopt};
    std::vector<store::MarkRow> first, third, whole, own;
    std::vector<store::SessionCount> all_counts, own_counts, days_counts;
    store::PupilMarks own_only = all;
    own_only.provider_id = at.provider;
    c.each_row_together({store::marks_of_pupil_read(c.engine(), all, first, store::PageRequest{1, 4}),
                         store::marks_of_pupil_read(c.engine(), all, third, store::PageRequest{3, 4}),
                         store::marks_of_pupil_read(c.engine(), all, whole),
                         store::marks_of_pupil_read(c.engine(), own_only, own),
                         store::session_counts_of_pupil_read(c.engine(), all, all_counts),
                         store::session_counts_of_pupil_read(c.engine(), own_only, own_counts),
                         store::session_counts_of_pupil_read(
                             c.engine(), {at.pupil, "2026-11-03", "2026-11-05", std::nullopt}, days_counts)});
    // A row more than the page, to tell that another follows; the last page has what is left.
    EXPECT_EQ(sessions(first), "09pm 09am 06pm 06am 05pm ");
    EXPECT_EQ(sessions(third), "03pm 03am 02pm 02am ");
    EXPECT_EQ(whole.size(), 12u);
    EXPECT_EQ(own.size(), 10u);
    EXPECT_EQ(sessions(own), "06pm 06am 05pm 05am 04pm 04am 03pm 03am 02pm 02am ");
    EXPECT_EQ(counted(all_counts), "B:10 I:1 N:1 ");
    EXPECT_EQ(counted(own_counts), "B:8 I:1 N:1 ");
    // Both days of the range count, the days either side do not.
    EXPECT_EQ(counted(days_counts), "B:4 I:1 N:1 ");
  });
}

// On SQLite a pupil's counts come from their placements' totals when all their marks lie in the
// days asked for, the first and last day among them; a mark a day outside either end, and
// PostgreSQL, leave it to the weeks' and days' reads, with nothing counted.
TEST(StorePupilMarks, TheCountsComeFromThePlacementsTotalsWhenEveryMarkIsWithinTheDays) {
  auto db = test_support::fresh_database();
  store::migrate(*db);
  const auto [at, elsewhere] = marked_at_two_providers(*db);
  db->with_connection([&](store::Connection& c) {
    const bool sqlite = c.engine() == store::Engine::Sqlite;
    std::vector<store::SessionCount> all, own, ends;
    EXPECT_EQ(store::session_counts_of_pupil_from_totals(c, {at.pupil, "2026-11-01", "2026-11-30", std::nullopt}, all),
              sqlite);
    EXPECT_EQ(store::session_counts_of_pupil_from_totals(c, {at.pupil, "2026-11-01", "2026-11-30", at.provider}, own),
              sqlite);
    EXPECT_EQ(store::session_counts_of_pupil_from_totals(c, {at.pupil, "2026-11-02", "2026-11-09", std::nullopt}, ends),
              sqlite);
    EXPECT_EQ(counted(all), sqlite ? "B:10 I:1 N:1 " : "");
    EXPECT_EQ(counted(own), sqlite ? "B:8 I:1 N:1 " : "");
    EXPECT_EQ(counted(ends), counted(all));
    for (const auto& [from, to] : {std::pair{"2026-11-03", "2026-11-30"}, std::pair{"2026-11-01", "2026-11-08"}}) {
      std::vector<store::SessionCount> some;
      EXPECT_FALSE(store::session_counts_of_pupil_from_totals(c, {at.pupil, from, to, std::nullopt}, some)) << from;
      EXPECT_TRUE(some.empty()) << from;
    }
  });
}

TEST(StoreMarkYears, OnPostgresTheAcademicYearsOfADateRangeAsConstantsAndOnSqliteNothing) {
  using store::Engine;
  using store::marks_years;
  const auto years = [](const std::string& from, const std::string& to) {
    return marks_years(Engine::Postgres, "session_date", from, to);
  };
  // A year runs from 1 September to 31 August: the days either side of its first day.
  EXPECT_EQ(years("2026-08-31", "2026-08-31"), " AND session_date >= '2025-09-01' AND session_date < '2026-09-01'");
  EXPECT_EQ(years("2026-09-01", "2026-09-01"), " AND session_date >= '2026-09-01' AND session_date < '2027-09-01'");
  // A pupil's year of marks crosses into the year before; a leap day is a day like any other.
  EXPECT_EQ(years("2027-02-28", "2028-02-29"), " AND session_date >= '2026-09-01' AND session_date < '2028-09-01'");
  EXPECT_EQ(marks_years(Engine::Postgres, "m.session_date", "2026-12-31", "2027-01-01"),
            " AND m.session_date >= '2026-09-01' AND m.session_date < '2027-09-01'");
  // Text that is not a day, or a range backwards, adds nothing: the statement's own dates decide.
  EXPECT_EQ(years("2026-02-30", "2026-03-01"), "");
  EXPECT_EQ(years("2026-11-01", "soon"), "");
  EXPECT_EQ(years("2027-09-01", "2026-09-01"), "");
  // SQLite keeps one table, and would take the bounds for its index's range instead of the day.
  EXPECT_EQ(marks_years(Engine::Sqlite, "session_date", "2026-11-30", "2026-11-30"), "");
}
