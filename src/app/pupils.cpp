#include "app/pupils.hpp"

#include <nlohmann/json.hpp>

#include "app/access.hpp"
#include "app/audit.hpp"
#include "app/errors.hpp"
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
      result = {};  // placements arrive with the placements work
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
  std::optional<domain::Pupil> pupil;
  bool allowed = false;
  s.db.transaction([&](store::Connection& c) {
    pupil = store::find_pupil(c, pupil_id);
    if (pupil) {
      PupilScope scope;
      scope.school_id = pupil->school_id;
      if (auto school = store::find_organisation(c, pupil->school_id))
        scope.school_local_authority_id = school->parent_id;
      scope.actor_is_guardian = a.role == Role::Parent && store::is_guardian(c, pupil_id, a.user_id);
      allowed = may_view_pupil(a, scope);
    }
    audit(c, s, &a,
          {allowed ? "pupil.view" : "pupil.view_refused", "pupil", pupil_id,
           pupil ? std::optional(pupil_id) : std::nullopt});
  });
  if (!allowed) throw NotFound();
  return *pupil;
}

}  // namespace waypoint::app
