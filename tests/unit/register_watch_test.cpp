// The server's register sweep reads the day's registers again only when one may have come to be
// owed: when a register it saw has closed since its last read, or half an hour after that read (for
// placements and timetables changed meanwhile). `waypoint alerts sweep` reads them every time. On
// both engines (ctest runs Store* on PostgreSQL too).
#include <gtest/gtest.h>

#include "app/alerts/alert_sweep.hpp"
#include "domain/kernel/time.hpp"
#include "one_placement.hpp"
#include "store/calendar/calendar_store.hpp"
#include "store/placements/timetable_store.hpp"
#include "test_database.hpp"

using namespace waypoint;

namespace {

// A clock set by the test: Monday 23 November 2026 in England (GMT), at the minute asked for.
class SetClock final : public app::Clock {
 public:
  domain::Instant now() const override { return at_; }
  void at(int hour, int minute) {
    at_ = domain::Instant{std::chrono::sys_days{std::chrono::year{2026} / 11 / 23}.time_since_epoch() +
                          std::chrono::hours{hour} + std::chrono::minutes{minute}};
  }

 private:
  domain::Instant at_{};
};

// A pupil of `school` placed at `provider` from 2 November, there each Monday from `from_hour`.
void place(store::Connection& c, std::int64_t school, std::int64_t provider, std::int64_t user, int n, int from_hour) {
  constexpr const char* now = "2026-11-23T07:00:00Z";
  domain::Pupil p;
  p.school_id = school;
  p.upn = "A90000000010" + std::to_string(n);
  p.given_name = "Pupil";
  p.family_name = std::to_string(n);
  p.date_of_birth = "2012-01-15";
  const auto pupil = store::insert_pupil(c, p, now);
  store::PlacementRecord pl;
  pl.pupil_id = pupil;
  pl.school_id = school;
  pl.provider_id = provider;
  pl.commissioner_id = school;
  pl.terms = {"academy_powers", "semh", "", "Re-engage", "2026-11-02", "2027-03-31", "", "",
              "school",         "Head", "", {},          "6",          "",           ""};
  pl.status = "active";
  const auto placement = store::insert_placement(c, pl, user, now);
  store::SlotRow slot;
  slot.slot = {std::chrono::Monday, from_hour * 60, 15 * 60, "provider", std::nullopt};
  slot.placement_id = placement;
  store::replace_slots(c, pupil, {slot}, now);
}

}  // namespace

TEST(StoreRegisterWatch, ReadsTheDaysRegistersAgainOnlyWhenOneHasClosedOrHalfAnHourHasPassed) {
  auto db = test_support::fresh_database();
  store::migrate(*db);
  SetClock clock;
  app::Services s{*db, clock, {}, {}, nullptr, nullptr, nullptr, nullptr};
  s.settings.audit_key = std::string(32, 'k');
  test_support::OnePlacement first;
  db->transaction([&](store::Connection& c) {
    first = test_support::one_placement(c);
    store::insert_term(c, first.school, {0, "Autumn", "2026-11-02", "2026-12-18"});
    place(c, first.school, first.provider, first.user, 1, 9);  // expected from 9:00: owed from 9:30
  });
  const auto raised = [&] {
    std::int64_t n = 0;
    db->with_connection([&](store::Connection& c) {
      n = c.query_one("SELECT COUNT(*) FROM alerts WHERE kind = 'register_not_taken'")->integer(0);
    });
    return n;
  };
  app::RegisterWatch watch;
  const auto sweep_at = [&](int hour, int minute) {
    clock.at(hour, minute);
    return app::raise_register_alerts(s, &watch);
  };

  EXPECT_EQ(sweep_at(9, 10), 0);  // read: nothing owed yet
  // A pupil placed since, expected from 8:00: the provider's morning register, open from 8:00, was
  // owed from 8:30. No register the watch saw has closed, so the sweep does not read.
  db->transaction([&](store::Connection& c) { place(c, first.school, first.provider, first.user, 2, 8); });
  EXPECT_EQ(sweep_at(9, 20), 0);
  EXPECT_EQ(raised(), 0);
  // The register the watch saw, from 9:00, closes at 9:30: read, and owed for both pupils (an alert
  // for the school and one for the provider).
  EXPECT_EQ(sweep_at(9, 29), 0);
  EXPECT_EQ(sweep_at(9, 30), 2);
  EXPECT_EQ(sweep_at(9, 31), 0);
  // A pupil of another school placed at 9:35, expected from 9:00: owed, but found only when the
  // sweep reads again half an hour after its last read.
  db->transaction([&](store::Connection& c) {
    domain::Organisation other;
    other.kind = domain::OrganisationKind::School;
    other.name = "Another school";
    const auto school = store::insert_organisation(c, other, "2026-11-23T09:35:00Z");
    store::insert_term(c, school, {0, "Autumn", "2026-11-02", "2026-12-18"});
    place(c, school, first.provider, first.user, 3, 9);
  });
  EXPECT_EQ(sweep_at(9, 40), 0);
  EXPECT_EQ(sweep_at(9, 59), 0);
  EXPECT_EQ(sweep_at(10, 0), 2);
  // Without the watch (`waypoint alerts sweep`), every sweep reads: nothing more is owed.
  clock.at(10, 5);
  EXPECT_EQ(app::raise_register_alerts(s), 0);
  EXPECT_EQ(raised(), 4);
}
