#pragma once
// Who is acting: every use case takes one and answers only within its scope.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/kernel/role.hpp"

namespace waypoint::app {

struct Actor {
  std::int64_t user_id = 0;
  std::string email;
  std::string display_name;
  domain::Role role = domain::Role::Parent;
  std::int64_t organisation_id = 0;
  std::string organisation_name;
  // The local authority whose area the user works in: a school's LA, or the LA itself.
  std::optional<std::int64_t> local_authority_id;
  std::string client;  // client address, for the audit trail
};

}  // namespace waypoint::app
