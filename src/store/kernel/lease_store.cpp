#include "store/kernel/lease_store.hpp"

namespace waypoint::store {

bool hold_lease(Connection& c, const std::string& name, const std::string& holder, const std::string& now,
                const std::string& until) {
  return !c.query(
               "INSERT INTO background_leases (name, holder, expires_at) VALUES ($1, $2, $4) "
               "ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at "
               "WHERE background_leases.holder = excluded.holder OR background_leases.expires_at < $3 "
               "RETURNING holder",
               {name, holder, now, until})
              .empty();
}

void release_lease(Connection& c, const std::string& name, const std::string& holder) {
  c.exec("DELETE FROM background_leases WHERE name = $1 AND holder = $2", {name, holder});
}

}  // namespace waypoint::store
