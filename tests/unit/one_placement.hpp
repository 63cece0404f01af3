#pragma once
// One active placement and everything it stands on: an LA, a school, a provider with a member of
// staff, and a pupil, for store tests that need a placement and nothing else.
#include <cstdint>
#include <optional>

#include "domain/providers/provider_profile.hpp"
#include "store/accounts/organisation_store.hpp"
#include "store/accounts/user_store.hpp"
#include "store/placements/placement_store.hpp"
#include "store/providers/provider_store.hpp"
#include "store/pupils/pupil_store.hpp"

namespace waypoint::test_support {

struct OnePlacement {
  std::int64_t pupil = 0, placement = 0, provider = 0, school = 0, user = 0;
};

// From 2 November 2026 to 31 March 2027.
inline OnePlacement one_placement(store::Connection& c) {
  constexpr const char* now = "2026-11-23T09:00:00Z";
  OnePlacement out;
  const auto org = [&](domain::OrganisationKind kind, const char* name, std::optional<std::int64_t> parent) {
    domain::Organisation o;
    o.kind = kind;
    o.name = name;
    o.parent_id = parent;
    return store::insert_organisation(c, o, now);
  };
  const auto la = org(domain::OrganisationKind::LocalAuthority, "An LA", std::nullopt);
  out.school = org(domain::OrganisationKind::School, "A school", la);
  out.provider = org(domain::OrganisationKind::Provider, "A provider", la);
  domain::ProviderProfile profile;
  profile.id = out.provider;
  profile.kind = domain::provider_kinds().front().kind;
  store::insert_provider(c, profile, now);
  domain::User u;
  u.email = "staff@provider.example";
  u.display_name = "Staff";
  u.role = domain::Role::ProviderStaff;
  u.organisation_id = out.provider;
  out.user = store::insert_user(c, u, now);
  domain::Pupil p;
  p.school_id = out.school;
  p.upn = "A900000000001";
  p.given_name = "Pat";
  p.family_name = "Example";
  p.date_of_birth = "2012-01-15";
  out.pupil = store::insert_pupil(c, p, now);
  store::PlacementRecord pl;
  pl.pupil_id = out.pupil;
  pl.school_id = out.school;
  pl.provider_id = out.provider;
  pl.commissioner_id = out.school;
  pl.terms = {"academy_powers", "semh", "", "Re-engage", "2026-11-02", "2027-03-31", "", "",
              "school",         "Head", "", {},          "6",          "",           ""};
  pl.status = "active";
  out.placement = store::insert_placement(c, pl, out.user, now);
  return out;
}

}  // namespace waypoint::test_support
