#include "cli/bench_data.hpp"

#include <algorithm>
#include <random>

#include "app/providers/provider_directory.hpp"
#include "cli/demo.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/identifiers.hpp"
#include "store/accounts/organisation_store.hpp"
#include "store/accounts/user_store.hpp"
#include "store/attendance/bulk_mark_load.hpp"
#include "store/placements/placement_store.hpp"
#include "store/placements/timetable_store.hpp"
#include "store/providers/provider_store.hpp"
#include "store/pupils/pupil_store.hpp"

namespace waypoint::cli {

// The generators write through the use cases and repositories, as a user would.
using namespace waypoint::app;

BenchDataReport generate_provider_bench_data(const app::Services& s, int providers, int checks_each) {
  load_demo_data(s);
  BenchDataReport report;
  std::mt19937 random(42);
  auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
  const auto today = std::chrono::sys_days(s.today());
  s.db.transaction([&](store::Connection& c) {
    const auto la = store::organisations_of_kind(c, domain::OrganisationKind::LocalAuthority).front().id;
    const auto officer = store::first_user_with_role(c, domain::Role::LaOfficer)->id;
    const auto now = s.now_iso();
    // The directory's kinds: a school's own unit belongs to its school, not to the LA's directory,
    // and has no checks to make.
    const auto kinds = domain::directory_kinds();
    const auto existing = store::count_organisations(c);
    for (int i = 0; i < providers; ++i) {
      const auto& kind = kinds[static_cast<std::size_t>(pick(static_cast<int>(kinds.size())))];
      domain::Organisation org;
      org.kind = domain::OrganisationKind::Provider;
      org.name = "Bench provider " + std::to_string(existing + i);
      org.parent_id = la;
      if (kind.needs_urn) org.urn = std::to_string(300000 + existing + i);
      const auto id = store::insert_organisation(c, org, now);
      domain::ProviderProfile p;
      p.id = id;
      p.kind = kind.kind;
      p.delivery = pick(5) == 0 ? domain::Delivery::Online : domain::Delivery::InPerson;
      p.capacity = pick(40);
      for (const auto& ks : domain::key_stages())
        if (pick(2)) p.key_stages.emplace_back(ks.code);
      for (const auto& sp : domain::specialisms())
        if (pick(3) == 0) p.specialisms.emplace_back(sp.code);
      p.subjects = {"English", "maths"};
      if (pick(2)) p.qualifications = {"GCSE"};
      store::insert_provider(c, p, now);
      const auto site = store::insert_site(c, {0, id, "Main site", "1 High Street", "EX1 1AA", "main"}, now);
      const auto required = domain::required_checks(kind.kind);
      for (int k = 0; k < checks_each; ++k) {
        const auto type = required[static_cast<std::size_t>(k) % required.size()];
        const auto done = today - std::chrono::days(pick(500));
        domain::ProviderCheck check{type,
                                    domain::check_type_info(type).per_site ? std::optional(site) : std::nullopt,
                                    pick(10) == 0 ? domain::CheckOutcome::MetWithActions : domain::CheckOutcome::Met,
                                    pick(20) != 0,
                                    std::chrono::year_month_day{done},
                                    std::chrono::year_month_day{done + std::chrono::days(364)}};
        store::insert_check(c, id, check, "", officer, now);
        ++report.checks;
      }
      refresh_provider_standing(c, s, id);
      ++report.providers;
    }
  });
  return report;
}

std::string bench_upn(int n) {
  char digits[13];
  std::snprintf(digits, sizeof digits, "%012d", 900000000 + n);
  return std::string(1, domain::upn_check_letter(digits).value_or('A')) + digits;
}

BenchPlacement add_bench_placement(store::Connection& c, int n, std::int64_t school, std::int64_t provider,
                                   std::int64_t creator, const BenchPlacementDates& dates, const std::string& now) {
  using namespace std::chrono;
  domain::Pupil pupil;
  pupil.school_id = school;
  pupil.upn = bench_upn(n);
  pupil.given_name = "Pupil";
  pupil.family_name = "Bench " + std::to_string(n);
  pupil.date_of_birth = "2012-0" + std::to_string(1 + n % 9) + "-15";
  pupil.gender = n % 2 ? "F" : "M";
  const auto pupil_id = store::insert_pupil(c, pupil, now);
  store::PlacementRecord p;
  p.pupil_id = pupil_id;
  p.school_id = school;
  p.provider_id = provider;
  p.commissioner_id = school;
  p.terms = {"academy_powers",
             "semh",
             "",
             "Re-engage with learning",
             dates.start,
             dates.planned_end,
             "",
             "",
             "school",
             "Head of centre",
             "",
             {},
             "6",
             "",
             ""};
  p.status = "active";
  const auto placement_id = store::insert_placement(c, p, creator, now);
  if (dates.running) {
    std::vector<store::SlotRow> week;
    for (unsigned iso = 1; iso <= 5; ++iso) {
      store::SlotRow slot;
      slot.slot = {weekday(iso), 9 * 60, 15 * 60, "provider", std::nullopt};
      slot.placement_id = placement_id;
      week.push_back(slot);
    }
    store::replace_slots(c, pupil_id, week, now);
  } else {
    store::record_end(c, placement_id, dates.planned_end, std::string(domain::placement_end_reasons().front().code),
                      now);
  }
  return {pupil_id, placement_id, provider, school};
}

std::int64_t BenchMarks::add(const BenchPlacement& p, const std::vector<std::chrono::sys_days>& days) {
  for (const auto d : days) {
    const auto date = domain::format_date(std::chrono::year_month_day(d));
    for (const auto* session : {"am", "pm"}) {
      const auto roll = random_() % 100;
      const bool absent = roll < 8;
      const std::string code = absent ? (roll < 3 ? "N" : "I") : "B";
      buffer_.push_back({p.pupil_id, p.placement_id, p.provider_id, p.school_id, date, session,
                         absent ? "absent" : "present", 0, absent ? code : "", code, std::nullopt, std::nullopt});
    }
  }
  if (buffer_.size() >= 20000) flush();
  return static_cast<std::int64_t>(days.size()) * 2;
}

void BenchMarks::flush() {
  load_.add(buffer_);
  buffer_.clear();
}

AttendanceBenchReport generate_attendance_bench_data(const app::Services& s, int schools, int placements,
                                                     int school_days, int at_first_provider) {
  generate_provider_bench_data(s, std::max(1, placements / 30), 0);  // about 30 pupils a provider
  AttendanceBenchReport report;
  std::mt19937 random(7);
  using namespace std::chrono;
  const auto today = sys_days(s.today());
  const auto now = s.now_iso();
  const auto day = [&](sys_days d) { return domain::format_date(year_month_day(d)); };
  // The school days marked: weekdays back from yesterday (holidays are not left out: the load is the point).
  std::vector<sys_days> days_marked;
  for (auto d = today - days(1); static_cast<int>(days_marked.size()) < school_days; d -= days(1))
    if (weekday(d).iso_encoding() <= 5) days_marked.push_back(d);
  // Oldest first, as registers are taken: each pupil's marks then go on the end of the marks' key
  // (pupil, day, session), where SQLite appends to the last page instead of splitting one.
  std::reverse(days_marked.begin(), days_marked.end());
  s.db.transaction([&](store::Connection& c) {
    const auto la = store::organisations_of_kind(c, domain::OrganisationKind::LocalAuthority).front().id;
    std::vector<std::int64_t> others;  // every provider but the demo's first, in turn
    const auto staff = store::first_user_with_role(c, domain::Role::ProviderStaff);
    const auto first_provider = staff->organisation_id;  // Bridgeway: its staff are the demo's
    const auto recorder = staff->id;
    for (const auto& p : store::organisations_of_kind(c, domain::OrganisationKind::Provider))
      if (p.id != first_provider) others.push_back(p.id);
    const auto creator = store::first_user_with_role(c, domain::Role::ApLead)->id;
    // The demo's first school (the lowest id) has the demo's pupils and staff.
    const auto schools_now = store::organisations_of_kind(c, domain::OrganisationKind::School);
    std::vector<std::int64_t> school_ids{
        std::min_element(schools_now.begin(), schools_now.end(), [](const auto& x, const auto& y) {
          return x.id < y.id;
        })->id};
    for (int i = 1; i < schools; ++i) {
      domain::Organisation org;
      org.kind = domain::OrganisationKind::School;
      org.name = "Bench school " + std::to_string(i);
      org.parent_id = la;
      org.urn = std::to_string(700000 + i);
      school_ids.push_back(store::insert_organisation(c, org, now));
    }
    report.schools = static_cast<int>(school_ids.size());
    std::vector<BenchPlacement> placed;
    for (int i = 0; i < placements; ++i) {
      const auto school = school_ids[static_cast<std::size_t>(i) % school_ids.size()];
      const auto provider =
          i < at_first_provider ? first_provider : others[static_cast<std::size_t>(i) % others.size()];
      placed.push_back(add_bench_placement(c, i, school, provider, creator,
                                           {day(days_marked.front() - days(7)), day(today + days(120)), true}, now));
    }
    report.placements = static_cast<int>(placed.size());
    const auto started = steady_clock::now();
    store::BulkMarkLoad load(c, recorder, now);
    BenchMarks marks(load, random);
    for (const auto& p : placed) report.marks += static_cast<int>(marks.add(p, days_marked));
    marks.flush();
    load.finish();
    report.marks_seconds = duration<double>(steady_clock::now() - started).count();
  });
  return report;
}

}  // namespace waypoint::cli
