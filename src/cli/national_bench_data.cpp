#include "cli/national_bench_data.hpp"

#include <algorithm>
#include <map>

#include "cli/bench_data.hpp"
#include "cli/demo.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "store/accounts/organisation_store.hpp"
#include "store/accounts/user_store.hpp"
#include "store/providers/provider_store.hpp"
#include "store/pupils/pupil_store.hpp"

namespace waypoint::cli {
namespace {

constexpr int kPupilsAProvider = 30;
constexpr int kAtFirstProvider = 30;

// The n-th pupil of year `year` (0 the newest): numbered past the attendance bench's pupils.
int national_pupil(int year, int n) { return 10'000'000 + year * 1'000'000 + n; }

std::int64_t add_organisation(store::Connection& c, domain::OrganisationKind kind, const std::string& name,
                              std::optional<std::int64_t> parent, std::optional<std::string> urn,
                              const std::string& now) {
  domain::Organisation org;
  org.kind = kind;
  org.name = name;
  org.parent_id = parent;
  org.urn = std::move(urn);
  return store::insert_organisation(c, org, now);
}

// An in-person provider with one site. Its checks are not made: the pages measured do not read them.
void add_provider(store::Connection& c, std::int64_t la, int n, const std::string& now) {
  const auto id = add_organisation(c, domain::OrganisationKind::Provider, "National provider " + std::to_string(n), la,
                                   std::nullopt, now);
  domain::ProviderProfile p;
  p.id = id;
  for (const auto& kind : domain::provider_kinds())  // the first kind needing no DfE or UKRLP number
    if (!kind.needs_urn && !kind.needs_ukprn && !domain::is_school_unit(kind.kind)) {
      p.kind = kind.kind;
      break;
    }
  p.delivery = domain::Delivery::InPerson;
  p.capacity = kPupilsAProvider;
  p.subjects = {"English", "maths"};
  store::insert_provider(c, p, now);
  store::insert_site(c, {0, id, "Main site", std::to_string(n) + " High Street", "EX1 1AA", "main"}, now);
}

// The authorities, then schools and providers up to their share in each.
void add_the_country(store::Connection& c, const NationalBenchOptions& o, NationalBenchReport& report,
                     const std::string& now) {
  using domain::OrganisationKind;
  auto las = store::organisations_of_kind(c, OrganisationKind::LocalAuthority);
  for (auto n = static_cast<int>(las.size()); n < o.local_authorities; ++n) {
    add_organisation(c, OrganisationKind::LocalAuthority, "National authority " + std::to_string(n), std::nullopt,
                     std::nullopt, now);
    ++report.local_authorities;
  }
  las = store::organisations_of_kind(c, OrganisationKind::LocalAuthority);
  std::map<std::int64_t, int> schools_in, providers_in;
  for (const auto& s : store::organisations_of_kind(c, OrganisationKind::School)) ++schools_in[s.parent_id.value_or(0)];
  for (const auto& p : store::organisations_of_kind(c, OrganisationKind::Provider))
    if (p.name.starts_with("National provider ")) ++providers_in[p.parent_id.value_or(0)];
  const int schools_each = o.schools / o.local_authorities;
  const int providers_each = std::max(1, o.pupils_a_year / kPupilsAProvider / o.local_authorities);
  int school_number = store::count_organisations(c), provider_number = school_number;
  for (const auto& la : las) {
    for (int k = schools_in[la.id]; k < schools_each; ++k, ++school_number, ++report.schools)
      add_organisation(c, OrganisationKind::School, "National school " + std::to_string(school_number), la.id,
                       std::to_string(800000 + school_number), now);
    for (int k = providers_in[la.id]; k < providers_each; ++k, ++report.providers)
      add_provider(c, la.id, provider_number++, now);
  }
}

}  // namespace

NationalBenchReport generate_national_bench_data(const app::Services& s, const NationalBenchOptions& o) {
  using namespace std::chrono;
  load_demo_data(s);
  NationalBenchReport report;
  const auto today = sys_days(s.today());
  const auto now = s.now_iso();
  // Every year's weekdays, newest first: year y is days [y * school_days, (y + 1) * school_days).
  std::vector<sys_days> weekdays;
  for (auto d = today - days(1); static_cast<int>(weekdays.size()) < o.years * o.school_days; d -= days(1))
    if (weekday(d).iso_encoding() <= 5) weekdays.push_back(d);
  const auto day = [](sys_days d) { return domain::format_date(year_month_day(d)); };

  s.db.transaction([&](store::Connection& c) {
    add_the_country(c, o, report, now);
    // Each school's providers are those of its authority; Bridgeway and Oakfield are the demo's.
    const auto providers = store::organisations_of_kind(c, domain::OrganisationKind::Provider);
    const auto recorder = store::first_user_with_role(c, domain::Role::ProviderStaff);
    const auto bridgeway = recorder->organisation_id;  // the demo's first provider: its staff sign in
    std::map<std::int64_t, std::vector<std::int64_t>> providers_of;
    for (const auto& p : providers)
      if (p.name.starts_with("National provider ")) providers_of[p.parent_id.value_or(0)].push_back(p.id);
    std::vector<domain::Organisation> schools;
    for (auto& school : store::organisations_of_kind(c, domain::OrganisationKind::School))
      if (providers_of.count(school.parent_id.value_or(0))) schools.push_back(std::move(school));
    std::sort(schools.begin(), schools.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    // Bridgeway is in the directory of the demo's authority only: its pupils are from that
    // authority's schools, a third of them from Oakfield.
    const auto oakfield = schools.front();
    std::vector<domain::Organisation> oakfield_area;
    for (const auto& school : schools)
      if (school.parent_id == oakfield.parent_id) oakfield_area.push_back(school);
    const auto creator = store::first_user_with_role(c, domain::Role::ApLead)->id;

    std::vector<std::pair<BenchPlacement, int>> placed;  // and the year it is in
    for (int year = 0; year < o.years; ++year) {
      if (store::find_pupil_by_upn(c, bench_upn(national_pupil(year, 0)))) continue;  // made by an earlier run
      ++report.years_added;
      const auto first = weekdays[static_cast<std::size_t>((year + 1) * o.school_days - 1)];
      const auto last = weekdays[static_cast<std::size_t>(year * o.school_days)];
      const BenchPlacementDates dates{day(first), year == 0 ? day(today + days(120)) : day(last), year == 0};
      for (int n = 0; n < o.pupils_a_year; ++n) {
        // Spread over the schools (a prime stride, so neighbours are in different authorities).
        const bool at_bridgeway = year == 0 && n < kAtFirstProvider;
        const auto& school = !at_bridgeway ? schools[static_cast<std::size_t>(n) * 7919 % schools.size()]
                             : n % 3 == 0  ? oakfield
                                           : oakfield_area[static_cast<std::size_t>(n) % oakfield_area.size()];
        const auto& theirs = providers_of[school.parent_id.value_or(0)];
        const auto provider = at_bridgeway ? bridgeway : theirs[static_cast<std::size_t>(n) % theirs.size()];
        placed.emplace_back(add_bench_placement(c, national_pupil(year, n), school.id, provider, creator, dates, now),
                            year);
      }
    }
    report.placements = static_cast<int>(placed.size());
    if (placed.empty()) return;

    const auto started = steady_clock::now();
    std::mt19937 random(16);
    store::BulkMarkLoad load(c, recorder->id, now);
    BenchMarks marks(load, random);
    for (const auto& [p, year] : placed) {
      const auto from = weekdays.begin() + year * o.school_days;
      report.marks += marks.add(p, std::vector<sys_days>(from, from + o.school_days));
    }
    marks.flush();
    load.finish();
    report.marks_seconds = duration<double>(steady_clock::now() - started).count();
  });
  return report;
}

}  // namespace waypoint::cli
