// Calendars kept between requests are used only while nothing in any calendar changed: every change
// to terms or closures (by a page, by SQL from another server) and a school moving to another LA
// moves the revision, and a kept calendar is never used under another. On both engines (ctest runs
// Store* on PostgreSQL too).
#include <gtest/gtest.h>

#include "app/calendar/calendar_cache.hpp"
#include "app/calendar/school_calendars.hpp"
#include "app/kernel/clock.hpp"
#include "store/accounts/organisation_store.hpp"
#include "store/calendar/calendar_store.hpp"
#include "store/kernel/migrations.hpp"
#include "test_database.hpp"

using namespace waypoint;

namespace {

const char* kNow = "2026-11-30T09:00:00Z";

std::int64_t organisation(store::Connection& c, domain::OrganisationKind kind, std::optional<std::int64_t> parent) {
  domain::Organisation o;
  o.kind = kind;
  o.name = kind == domain::OrganisationKind::School ? "Oakfield" : "An authority";
  o.parent_id = parent;
  return store::insert_organisation(c, o, kNow);
}

std::chrono::sys_days day(const char* text) { return std::chrono::sys_days(*domain::parse_date(text)); }

}  // namespace

TEST(CalendarCache, KeepsWhatWasReadUnderOneRevisionOnly) {
  app::CalendarCache cache;
  const auto calendar = std::make_shared<const domain::SchoolCalendar>();
  cache.keep_school(5, 1, calendar);
  EXPECT_EQ(cache.school(5, 1), calendar);
  EXPECT_EQ(cache.school(5, 2), nullptr);
  EXPECT_EQ(cache.school(6, 1), nullptr) << "read under a later revision: not used";
  cache.keep_area(6, 9, calendar);  // a later revision empties what was kept
  EXPECT_EQ(cache.school(5, 1), nullptr);
  EXPECT_EQ(cache.area(6, 9), calendar);
  cache.keep_school(5, 1, calendar);  // a reader that began before the change keeps nothing
  EXPECT_EQ(cache.school(5, 1), nullptr);
  EXPECT_EQ(cache.school(6, 1), nullptr);
}

TEST(StoreCalendarRevision, KeptCalendarsFollowEveryChange) {
  auto db = test_support::fresh_database();
  store::migrate(*db);
  app::SystemClock clock;
  app::Services s{*db, clock, {}, {}, std::make_shared<app::CalendarCache>(), nullptr, nullptr, nullptr};
  std::int64_t la = 0, other_la = 0, school = 0;
  db->transaction([&](store::Connection& c) {
    la = organisation(c, domain::OrganisationKind::LocalAuthority, std::nullopt);
    other_la = organisation(c, domain::OrganisationKind::LocalAuthority, std::nullopt);
    school = organisation(c, domain::OrganisationKind::School, la);
    store::insert_term(c, la, {0, "Autumn 2", "2026-11-02", "2026-12-18"});
    store::insert_term(c, other_la, {0, "Autumn", "2026-09-01", "2026-12-18"});
    store::insert_term(c, other_la, {0, "Spring", "2027-01-05", "2027-03-26"});
  });
  const auto calendar = [&] {
    domain::SchoolCalendar copy;
    db->with_connection([&](store::Connection& c) { copy = app::SchoolCalendars(s, c).of(school); });
    return copy;
  };
  const auto change = [&](const std::function<void(store::Connection&)>& work) { db->transaction(work); };

  // Read once, then kept: a second request gets the very same calendar.
  const domain::SchoolCalendar* first = nullptr;
  const domain::SchoolCalendar* second = nullptr;
  db->with_connection([&](store::Connection& c) { first = &app::SchoolCalendars(s, c).of(school); });
  db->with_connection([&](store::Connection& c) { second = &app::SchoolCalendars(s, c).of(school); });
  EXPECT_EQ(first, second);
  ASSERT_EQ(calendar().terms.size(), 1u) << "a school with no terms of its own counts by its LA's";

  change([&](store::Connection& c) { store::insert_closure(c, school, {"2026-12-01", "Burst pipe"}, kNow); });
  EXPECT_TRUE(calendar().closed.count(day("2026-12-01")));
  change([&](store::Connection& c) { store::insert_closure(c, la, {"2026-12-02", "Snow"}, kNow); });
  EXPECT_TRUE(calendar().closed.count(day("2026-12-02")));
  change([&](store::Connection& c) { store::delete_closure(c, school, "2026-12-01", kNow); });
  EXPECT_FALSE(calendar().closed.count(day("2026-12-01")));
  // As another server or an import would: straight to the tables.
  change([&](store::Connection& c) {
    c.exec("UPDATE calendar_terms SET last_day = '2026-12-11' WHERE organisation_id = $1", {store::integer(la)});
  });
  EXPECT_EQ(domain::format_date(calendar().terms.at(0).last_day), "2026-12-11");
  change([&](store::Connection& c) {
    c.exec("DELETE FROM calendar_closures WHERE organisation_id = $1", {store::integer(la)});
  });
  EXPECT_FALSE(calendar().closed.count(day("2026-12-02")));
  change([&](store::Connection& c) {
    c.exec("UPDATE organisations SET parent_id = $2 WHERE id = $1", {store::integer(school), store::integer(other_la)});
  });
  EXPECT_EQ(calendar().terms.size(), 2u) << "the school moved to another LA and counts by its terms";
}

TEST(StoreCalendarKeepers, EverySchoolKnownAtOnceGivesTheCalendarsReadOneByOne) {
  auto db = test_support::fresh_database();
  store::migrate(*db);
  app::SystemClock clock;
  app::Services s{*db, clock, {}, {}, nullptr, nullptr, nullptr, nullptr};
  std::vector<std::int64_t> schools;
  db->transaction([&](store::Connection& c) {
    const auto la = organisation(c, domain::OrganisationKind::LocalAuthority, std::nullopt);
    store::insert_term(c, la, {0, "Autumn 2", "2026-11-02", "2026-12-18"});
    store::insert_closure(c, la, {"2026-12-02", "Snow"}, kNow);
    schools.push_back(organisation(c, domain::OrganisationKind::School, la));  // follows its LA
    const auto own_terms = organisation(c, domain::OrganisationKind::School, la);
    store::insert_term(c, own_terms, {0, "Autumn", "2026-09-03", "2026-12-16"});
    schools.push_back(own_terms);
    const auto own_closure = organisation(c, domain::OrganisationKind::School, la);  // LA's terms, its own day
    store::insert_closure(c, own_closure, {"2026-12-01", "Burst pipe"}, kNow);
    schools.push_back(own_closure);
    schools.push_back(organisation(c, domain::OrganisationKind::School, std::nullopt));  // no LA
  });
  const auto shown = [](const domain::SchoolCalendar& calendar) {
    std::vector<std::string> out;
    for (const auto& t : calendar.terms)
      out.push_back(domain::format_date(t.first_day) + "/" + domain::format_date(t.last_day));
    out.push_back(std::to_string(calendar.closed.count(day("2026-12-01"))) +
                  std::to_string(calendar.closed.count(day("2026-12-02"))));
    return out;
  };
  db->with_connection([&](store::Connection& c) {
    app::SchoolCalendars one_by_one(s, c), all_at_once(s, c);
    all_at_once.know_every_school();
    for (const auto school : schools) EXPECT_EQ(shown(all_at_once.of(school)), shown(one_by_one.of(school))) << school;
    EXPECT_EQ(shown(all_at_once.of(schools[0])), (std::vector<std::string>{"2026-11-02/2026-12-18", "01"}));
    EXPECT_EQ(shown(all_at_once.of(schools[1])), (std::vector<std::string>{"2026-09-03/2026-12-16", "01"}));
    EXPECT_EQ(shown(all_at_once.of(schools[2])), (std::vector<std::string>{"2026-11-02/2026-12-18", "11"}));
    EXPECT_EQ(shown(all_at_once.of(schools[3])), (std::vector<std::string>{"00"}));
  });
}
