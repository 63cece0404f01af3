#include "domain/kernel/role.hpp"

#include <array>

namespace waypoint::domain {
namespace {

struct RoleInfo {
  Role role;
  std::string_view code;
  std::string_view label;
  OrganisationKind kind;
  std::string_view summary;  // their part in the work, in their own words
};

constexpr std::array<RoleInfo, 10> kRoles{{
    {Role::ApLead, "ap_lead", "School AP lead", OrganisationKind::School,
     "You arrange and oversee alternative provision for your school's pupils."},
    {Role::SchoolDsl, "school_dsl", "Designated safeguarding lead", OrganisationKind::School,
     "You keep pupils in alternative provision safe: absences and concerns reach you first."},
    {Role::Headteacher, "headteacher", "Headteacher", OrganisationKind::School,
     "You approve placements and see your school's alternative provision as a whole."},
    {Role::ProviderManager, "provider_manager", "Provider manager", OrganisationKind::Provider,
     "You run a provider: you see only the pupils placed with you."},
    {Role::ProviderStaff, "provider_staff", "Provider staff", OrganisationKind::Provider,
     "You teach pupils placed with your provider and take their registers."},
    {Role::LaOfficer, "la_officer", "Local authority officer", OrganisationKind::LocalAuthority,
     "You see alternative provision across your local authority's area."},
    {Role::LaDesignatedOfficer, "la_designated_officer", "LA designated officer", OrganisationKind::LocalAuthority,
     "You read the safeguarding concerns recorded about pupils of schools in your area."},
    {Role::Parent, "parent", "Parent or carer", OrganisationKind::School,
     "You can see your child's plan, timetable, attendance and reviews."},
    {Role::Pupil, "pupil", "Pupil", OrganisationKind::School,
     "You can see your week and your plan, and tell your school how it is going."},
    {Role::Administrator, "administrator", "Administrator", OrganisationKind::Waypoint,
     "You look after Waypoint's organisations, user accounts and audit trail."},
}};

struct KindInfo {
  OrganisationKind kind;
  std::string_view code;
  std::string_view label;
};

constexpr std::array<KindInfo, 4> kKinds{{
    {OrganisationKind::LocalAuthority, "la", "Local authority"},
    {OrganisationKind::School, "school", "School"},
    {OrganisationKind::Provider, "provider", "Provider"},
    {OrganisationKind::Waypoint, "waypoint", "Waypoint service"},
}};

const RoleInfo& info(Role r) {
  for (const auto& i : kRoles)
    if (i.role == r) return i;
  return kRoles.back();
}

const KindInfo& info(OrganisationKind k) {
  for (const auto& i : kKinds)
    if (i.kind == k) return i;
  return kKinds.back();
}

}  // namespace

const std::vector<Role>& all_roles() {
  static const std::vector<Role> roles = [] {
    std::vector<Role> v;
    for (const auto& i : kRoles) v.push_back(i.role);
    return v;
  }();
  return roles;
}

std::string_view role_code(Role r) { return info(r).code; }
std::string_view role_label(Role r) { return info(r).label; }
std::string_view role_summary(Role r) { return info(r).summary; }

std::optional<Role> parse_role(std::string_view code) {
  for (const auto& i : kRoles)
    if (i.code == code) return i.role;
  return std::nullopt;
}

std::string_view organisation_kind_code(OrganisationKind k) { return info(k).code; }
std::string_view organisation_kind_label(OrganisationKind k) { return info(k).label; }

std::optional<OrganisationKind> parse_organisation_kind(std::string_view code) {
  for (const auto& i : kKinds)
    if (i.code == code) return i.kind;
  return std::nullopt;
}

OrganisationKind organisation_kind_for(Role r) { return info(r).kind; }

bool works_at_organisation(Role r) { return r != Role::Parent && r != Role::Pupil; }

}  // namespace waypoint::domain
