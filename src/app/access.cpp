#include "app/access.hpp"

#include "app/errors.hpp"

namespace waypoint::app {

using domain::Role;

void require(bool allowed) {
  if (!allowed) throw Denied();
}

bool may_administer(const Actor& a) { return a.role == Role::Administrator; }

bool may_search_audit(const Actor& a) { return a.role == Role::Administrator; }

bool may_view_pupil(const Actor& a, const PupilScope& p) {
  switch (a.role) {
    case Role::ApLead:
    case Role::SchoolDsl:
    case Role::Headteacher:
      return p.school_id == a.organisation_id;
    case Role::LaOfficer:
      return a.local_authority_id && p.school_local_authority_id == a.local_authority_id;
    case Role::Parent:
      return p.actor_is_guardian;
    case Role::ProviderManager:
    case Role::ProviderStaff:
      return p.placed_with_actor_provider;
    case Role::Administrator:
      return false;  // administrators run accounts and settings, not children's records
  }
  return false;
}

Actor operator_actor() {
  Actor a;
  a.role = Role::Administrator;
  a.display_name = "Server operator";
  a.client = "command line";
  return a;
}

}  // namespace waypoint::app
