#include "app/pupils/pupil_scope.hpp"

#include "app/kernel/audit.hpp"
#include "app/kernel/errors.hpp"
#include "store/accounts/organisation_store.hpp"
#include "store/pupils/pupil_store.hpp"

namespace waypoint::app {

domain::Scope scope_of(store::Connection& c, const Actor& a, const domain::Pupil& p) {
  domain::Scope scope;
  scope.school_id = p.school_id;
  if (auto school = store::find_organisation(c, p.school_id)) scope.local_authority_id = school->parent_id;
  scope.actor_is_guardian = store::is_guardian(c, p.id, a.user_id);
  scope.placed_with_actor = store::is_placed_with(c, p.id, a.organisation_id);
  return scope;
}

bool allowed_on_pupil(const Services& s, const Actor& a, const domain::Pupil& p, domain::Action action) {
  bool may = false;
  s.db.with_connection([&](store::Connection& c) { may = allowed(a, action, scope_of(c, a, p)); });
  return may;
}

domain::Pupil require_pupil(const Services& s, const Actor& a, std::int64_t pupil_id, const std::string& action) {
  std::optional<domain::Pupil> pupil;
  bool seen = false;
  s.db.transaction([&](store::Connection& c) {
    pupil = store::find_pupil(c, pupil_id);
    seen = pupil && allowed(a, domain::Action::ViewPupil, scope_of(c, a, *pupil));
    audit(c, s, &a,
          {seen ? action : action + "_refused", "pupil", pupil_id, pupil ? std::optional(pupil_id) : std::nullopt});
  });
  if (!seen) throw NotFound();
  return *pupil;
}

}  // namespace waypoint::app
