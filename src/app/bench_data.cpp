#include "app/bench_data.hpp"

#include <random>

#include "app/demo.hpp"
#include "app/provider_directory.hpp"
#include "domain/calendar_date.hpp"
#include "store/organisation_store.hpp"
#include "store/provider_store.hpp"

namespace waypoint::app {

BenchDataReport generate_provider_bench_data(const Services& s, int providers, int checks_each) {
  load_demo_data(s);
  BenchDataReport report;
  std::mt19937 random(42);
  auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
  const auto today = std::chrono::sys_days(s.today());
  s.db.transaction([&](store::Connection& c) {
    const auto la = store::organisations_of_kind(c, domain::OrganisationKind::LocalAuthority).front().id;
    const auto officer = c.query_one("SELECT id FROM users WHERE role = 'la_officer' ORDER BY id LIMIT 1")->integer(0);
    const auto now = s.now_iso();
    const auto& kinds = domain::provider_kinds();
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

}  // namespace waypoint::app
