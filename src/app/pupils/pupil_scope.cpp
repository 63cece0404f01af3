#include "app/pupils/pupil_scope.hpp"

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

std::optional<Subject<domain::Pupil>> pupil_subject(store::Connection& c, const Actor& a, std::int64_t pupil_id) {
  auto pupil = store::find_pupil(c, pupil_id);
  if (!pupil) return std::nullopt;
  auto scope = scope_of(c, a, *pupil);
  return Subject<domain::Pupil>{std::move(*pupil), scope, pupil_id, pupil_id};
}

}  // namespace waypoint::app
