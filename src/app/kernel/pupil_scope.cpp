#include "app/kernel/pupil_scope.hpp"

#include "app/kernel/audit.hpp"
#include "app/kernel/errors.hpp"
#include "store/accounts/organisation_store.hpp"
#include "store/pupils/pupil_store.hpp"

namespace waypoint::app {

using domain::Role;

PupilScope scope_of(store::Connection& c, const Actor& a, const domain::Pupil& p) {
  PupilScope scope;
  scope.school_id = p.school_id;
  if (auto school = store::find_organisation(c, p.school_id)) scope.school_local_authority_id = school->parent_id;
  scope.actor_is_guardian = a.role == Role::Parent && store::is_guardian(c, p.id, a.user_id);
  scope.placed_with_actor_provider =
      domain::is_provider_role(a.role) && store::is_placed_with(c, p.id, a.organisation_id);
  return scope;
}

domain::Pupil require_pupil(const Services& s, const Actor& a, std::int64_t pupil_id, const std::string& action) {
  std::optional<domain::Pupil> pupil;
  bool allowed = false;
  s.db.transaction([&](store::Connection& c) {
    pupil = store::find_pupil(c, pupil_id);
    allowed = pupil && may_view_pupil(a, scope_of(c, a, *pupil));
    audit(c, s, &a,
          {allowed ? action : action + "_refused", "pupil", pupil_id, pupil ? std::optional(pupil_id) : std::nullopt});
  });
  if (!allowed) throw NotFound();
  return *pupil;
}

}  // namespace waypoint::app
