#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "domain/kernel/role.hpp"

namespace waypoint::domain {

struct Organisation {
  std::int64_t id = 0;
  OrganisationKind kind = OrganisationKind::School;
  std::string name;
  std::optional<std::int64_t> parent_id;  // a school's local authority
  std::optional<std::string> urn;
  std::optional<std::string> ukprn;
  bool disabled = false;
};

struct User {
  std::int64_t id = 0;
  std::string email;
  std::string display_name;
  Role role = Role::ApLead;
  std::int64_t organisation_id = 0;
  std::string password_hash;
  bool disabled = false;
};

}  // namespace waypoint::domain
