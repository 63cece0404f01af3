#include "app/pupils.hpp"

#include <nlohmann/json.hpp>

#include "app/access.hpp"
#include "app/audit.hpp"
#include "app/errors.hpp"
#include "app/pupil_scope.hpp"
#include "store/organisation_store.hpp"
#include "store/pupil_store.hpp"

namespace waypoint::app {

using domain::Role;

store::Page<domain::Pupil> list_pupils(const Services& s, const Actor& a, const store::PageRequest& page) {
  store::Page<domain::Pupil> result;
  s.db.transaction([&](store::Connection& c) {
    if (domain::is_school_role(a.role))
      result = store::list_pupils_of_school(c, a.organisation_id, page);
    else if (a.role == Role::LaOfficer && a.local_authority_id)
      result = store::list_pupils_of_local_authority(c, *a.local_authority_id, page);
    else if (a.role == Role::Parent)
      result = store::list_pupils_of_guardian(c, a.user_id, page);
    else if (domain::is_provider_role(a.role))
      result = store::list_pupils_placed_with(c, a.organisation_id, page);
    else
      throw Denied();
    // A list shows names and UPNs: it is a read of those records too.
    nlohmann::json ids = nlohmann::json::array();
    for (const auto& p : result.items) ids.push_back(p.id);
    audit(c, s, &a, {"pupil.list", "pupil", std::nullopt, std::nullopt, nlohmann::json{{"pupil_ids", ids}}.dump()});
  });
  return result;
}

domain::Pupil view_pupil(const Services& s, const Actor& a, std::int64_t pupil_id) {
  return require_pupil(s, a, pupil_id, "pupil.view");
}

}  // namespace waypoint::app
