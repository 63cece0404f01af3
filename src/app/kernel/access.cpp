#include "app/kernel/access.hpp"

namespace waypoint::app {

domain::Principal principal_of(const Actor& a) { return {a.role, a.organisation_id, a.local_authority_id, a.user_id}; }

bool allowed(const Actor& a, domain::Action action, const domain::Scope& scope) {
  return domain::allows(principal_of(a), action, scope);
}

Actor operator_actor() {
  Actor a;
  a.role = domain::Role::Administrator;
  a.display_name = "Server operator";
  a.client = "command line";
  return a;
}

}  // namespace waypoint::app
