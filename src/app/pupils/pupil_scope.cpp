#include "app/pupils/pupil_scope.hpp"

#include "domain/placements/placement.hpp"
#include "store/outreach/outreach_store.hpp"
#include "store/pupils/pupil_store.hpp"

namespace waypoint::app {

namespace {

domain::Scope scope_from(store::Connection& c, const Actor& a, const domain::Pupil& p,
                         const store::PupilScopeFacts& facts) {
  domain::Scope scope;
  scope.school_id = p.school_id;
  scope.local_authority_id = facts.local_authority_id;
  scope.actor_is_guardian = facts.guardian;
  scope.actor_is_pupil = facts.own_account;
  scope.placed_with_actor = facts.placed_with;
  // Asked only of those who may work a caseload: a read fewer on every other pupil page.
  scope.actor_is_outreach_worker = domain::may_do_outreach(a.role) && store::works_with_pupil(c, a.user_id, p.id);
  return scope;
}

}  // namespace

domain::Scope scope_of(store::Connection& c, const Actor& a, const domain::Pupil& p) {
  return scope_from(c, a, p, store::pupil_scope_facts(c, p.id, p.school_id, a.user_id, a.organisation_id));
}

// The pupil and its facts are read together: a round trip fewer on every pupil page on PostgreSQL.
std::optional<Subject<domain::Pupil>> pupil_subject(store::Connection& c, const Actor& a, std::int64_t pupil_id) {
  auto found = store::find_pupil_in_scope(c, pupil_id, a.user_id, a.organisation_id);
  if (!found) return std::nullopt;
  auto scope = scope_from(c, a, found->pupil, found->facts);
  return Subject<domain::Pupil>{std::move(found->pupil), scope, pupil_id, pupil_id};
}

std::vector<store::PlacementRecord> visible_placements_of(store::Connection& c, const Actor& a,
                                                          const Subject<domain::Pupil>& pupil) {
  auto out = store::placements_of_pupil(c, pupil.record.id);
  std::erase_if(out, [&](const store::PlacementRecord& p) {
    const auto scope = domain::scope_of_placement(pupil.scope, p.provider_id, p.commissioner_id,
                                                  p.status == domain::status_code(domain::PlacementStatus::Draft));
    return !allowed(a, domain::Action::ViewPlacement, scope);
  });
  return out;
}

domain::Scope scope_of_outreach_case(domain::Scope pupil, const store::OutreachCaseRow& row, const Actor& a) {
  pupil.commissioner_id = row.arranged_by_id;
  pupil.actor_is_outreach_worker = row.worker_id == a.user_id && !row.closed_on;
  return pupil;
}

std::vector<store::OutreachCaseRow> visible_outreach_of(store::Connection& c, const Actor& a,
                                                        const Subject<domain::Pupil>& pupil) {
  auto out = store::outreach_cases_of_pupil(c, pupil.record.id);
  std::erase_if(out, [&](const store::OutreachCaseRow& row) {
    return !allowed(a, domain::Action::ReadOutreach, scope_of_outreach_case(pupil.scope, row, a));
  });
  return out;
}

}  // namespace waypoint::app
