#include "app/kernel/access.hpp"

#include "app/kernel/errors.hpp"

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

bool may_edit_pupil(const Actor& a, std::int64_t school_id) {
  return domain::is_school_role(a.role) && a.organisation_id == school_id;
}

bool may_browse_directory(const Actor& a) { return domain::is_school_role(a.role) || a.role == Role::LaOfficer; }

bool may_view_provider(const Actor& a, std::int64_t provider_id) {
  return may_browse_directory(a) || (domain::is_provider_role(a.role) && a.organisation_id == provider_id);
}

bool may_manage_provider(const Actor& a, std::optional<std::int64_t> provider_local_authority) {
  return a.role == Role::LaOfficer && a.local_authority_id && provider_local_authority == a.local_authority_id;
}

bool may_add_provider(const Actor& a) { return a.role == Role::LaOfficer && a.local_authority_id.has_value(); }

bool may_verify_checks(const Actor& a, std::optional<std::int64_t> provider_local_authority) {
  return may_manage_provider(a, provider_local_authority) || a.role == Role::ApLead || a.role == Role::Headteacher;
}

bool may_submit_evidence(const Actor& a, std::int64_t provider_id) {
  return a.role == Role::ProviderManager && a.organisation_id == provider_id;
}

bool may_accept_provider(const Actor& a) { return a.role == Role::ApLead || a.role == Role::Headteacher; }

bool may_commission(const Actor& a, const PupilScope& p, bool la_arrangement) {
  if (la_arrangement) return a.role == Role::LaOfficer && may_view_pupil(a, p);
  return (a.role == Role::ApLead || a.role == Role::Headteacher) && p.school_id == a.organisation_id;
}

bool may_manage_placement(const Actor& a, std::int64_t commissioner_id) {
  switch (a.role) {
    case Role::ApLead:
    case Role::Headteacher:
      return a.organisation_id == commissioner_id;
    case Role::LaOfficer:
      return a.local_authority_id == commissioner_id;
    default:
      return false;
  }
}

bool may_edit_timetable(const Actor& a, const PupilScope& p) {
  if (a.role == Role::LaOfficer) return may_view_pupil(a, p);
  return (a.role == Role::ApLead || a.role == Role::Headteacher) && p.school_id == a.organisation_id;
}

bool may_keep_calendar(const Actor& a) {
  return a.role == Role::ApLead || a.role == Role::Headteacher || (a.role == Role::LaOfficer && a.local_authority_id);
}

bool may_take_register(const Actor& a) { return domain::is_provider_role(a.role); }

bool works_with_pupils(const Actor& a) { return a.role != Role::Parent && a.role != Role::Administrator; }

bool may_read_concerns(const Actor& a, std::int64_t school_id, std::optional<std::int64_t> school_local_authority,
                       bool allowed_by_dsl) {
  if (a.organisation_id == school_id) return a.role == Role::SchoolDsl || allowed_by_dsl;
  return a.role == Role::LaOfficer && a.local_authority_id && a.local_authority_id == school_local_authority;
}

bool may_log_progress(const Actor& a, std::int64_t provider_id) {
  return domain::is_provider_role(a.role) && a.organisation_id == provider_id;
}

bool may_follow_reviews(const Actor& a) { return a.role == Role::ApLead || a.role == Role::Headteacher; }

bool may_see_outcomes(const Actor& a) {
  return may_follow_reviews(a) || a.role == Role::ProviderManager ||
         (a.role == Role::LaOfficer && a.local_authority_id);
}

bool may_see_threshold_list(const Actor& a) { return a.role == Role::LaOfficer && a.local_authority_id; }

Actor operator_actor() {
  Actor a;
  a.role = Role::Administrator;
  a.display_name = "Server operator";
  a.client = "command line";
  return a;
}

}  // namespace waypoint::app
