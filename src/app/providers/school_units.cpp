#include "app/providers/school_units.hpp"

#include <nlohmann/json.hpp>

#include "app/kernel/envelope.hpp"
#include "app/providers/provider_directory.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/text.hpp"
#include "domain/providers/provider_profile.hpp"
#include "store/accounts/organisation_store.hpp"

namespace waypoint::app {

std::int64_t add_school_unit(const Services& s, const Actor& a, const SchoolUnitForm& f) {
  using domain::trimmed;
  return run(s, a, {"school_unit.create", domain::Action::KeepSchoolUnits, "provider"},
             [&](store::Connection& c, AuditRecord& entry) {
               domain::ProviderProfile unit;
               unit.name = trimmed(f.name);
               unit.kind = domain::ProviderKind::SchoolUnit;
               unit.unit_of_school = a.organisation_id;
               unit.contact_name = trimmed(f.contact_name);
               unit.contact_email = trimmed(f.contact_email);
               unit.contact_phone = trimmed(f.contact_phone);
               unit.delivery = domain::Delivery::InPerson;
               unit.description = trimmed(f.description);
               domain::Site site{0, 0, trimmed(f.room), trimmed(f.address), trimmed(f.postcode), "main"};
               auto errors = domain::provider_profile_problems(unit, s.today());
               for (auto& e : errors)
                 if (e.field == "name" && unit.name.empty()) e.message = "Enter the unit's name";
               for (auto& e : domain::site_problems(site)) {
                 if (e.field == "site_name") e = {"room", "Enter the room or building where pupils are taught"};
                 errors.push_back(e);
               }
               if (!errors.empty()) throw Invalid(std::move(errors));
               domain::Organisation org;
               org.kind = domain::OrganisationKind::Provider;
               org.name = unit.name;
               org.parent_id = a.local_authority_id;  // the provider's LA, as for any entry in the area
               unit.id = store::insert_organisation(c, org, s.now_iso());
               store::insert_provider(c, unit, s.now_iso());
               site.provider_id = unit.id;
               store::insert_site(c, site, s.now_iso());
               refresh_provider_standing(c, s, unit.id);
               entry.entity_id = unit.id;
               entry.detail = nlohmann::json{{"name", unit.name}, {"school_id", a.organisation_id}}.dump();
               return unit.id;
             });
}

store::Page<store::DirectoryEntry> school_units(const Services& s, const Actor& a, const store::PageRequest& page) {
  // Not children's data: like the directory, only a refusal is audited.
  return run(s, a, {"school_unit.list", domain::Action::KeepSchoolUnits, "provider", false},
             [&](store::Connection& c, AuditRecord&) {
               store::DirectoryFilter f;
               f.units_of_school = a.organisation_id;
               f.only_units = true;
               return store::search_directory(c, f, domain::format_date(s.today()), page);
             });
}

}  // namespace waypoint::app
