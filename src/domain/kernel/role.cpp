#include "domain/kernel/role.hpp"

#include <array>

namespace waypoint::domain {
namespace {

struct RoleInfo {
  Role role;
  std::string_view code;
  std::string_view label;
  OrganisationKind kind;
};

constexpr std::array<RoleInfo, 8> kRoles{{
    {Role::ApLead, "ap_lead", "School AP lead", OrganisationKind::School},
    {Role::SchoolDsl, "school_dsl", "Designated safeguarding lead", OrganisationKind::School},
    {Role::Headteacher, "headteacher", "Headteacher", OrganisationKind::School},
    {Role::ProviderManager, "provider_manager", "Provider manager", OrganisationKind::Provider},
    {Role::ProviderStaff, "provider_staff", "Provider staff", OrganisationKind::Provider},
    {Role::LaOfficer, "la_officer", "Local authority officer", OrganisationKind::LocalAuthority},
    {Role::Parent, "parent", "Parent or carer", OrganisationKind::School},
    {Role::Administrator, "administrator", "Administrator", OrganisationKind::Waypoint},
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

bool is_school_role(Role r) { return r == Role::ApLead || r == Role::SchoolDsl || r == Role::Headteacher; }

bool is_provider_role(Role r) { return r == Role::ProviderManager || r == Role::ProviderStaff; }

}  // namespace waypoint::domain
