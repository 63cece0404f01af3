#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace waypoint::domain {

enum class OrganisationKind { LocalAuthority, School, Provider, Waypoint };

enum class Role {
  ApLead,
  SchoolDsl,
  Headteacher,
  ProviderManager,
  ProviderStaff,
  LaOfficer,
  LaDesignatedOfficer,  // reads the area's safeguarding concerns, named by the LA
  Parent,
  Pupil,  // a pupil of 11 or over whose school gave them their own account
  Administrator,
};

const std::vector<Role>& all_roles();
std::string_view role_code(Role r);
std::string_view role_label(Role r);
std::string_view role_summary(Role r);
std::optional<Role> parse_role(std::string_view code);

std::string_view organisation_kind_code(OrganisationKind k);
std::string_view organisation_kind_label(OrganisationKind k);
std::optional<OrganisationKind> parse_organisation_kind(std::string_view code);

// The kind of organisation a user with this role belongs to. A parent's account hangs off the
// school that holds their child, because that school is who invites them.
OrganisationKind organisation_kind_for(Role r);

// Whether the role is someone working at an organisation (staff), rather than a family member
// (a parent or carer, or the pupil themselves) whose account hangs off the school.
bool works_at_organisation(Role r);

}  // namespace waypoint::domain
