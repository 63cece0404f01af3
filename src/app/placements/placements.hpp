#pragma once
// Placements: proposed by a commissioner, agreed, started once the law and the checks allow, ended
// with a reason. Every read and change is scoped to the pupil and audited.
#include <optional>
#include <string>
#include <vector>

#include "app/kernel/actor.hpp"
#include "app/kernel/services.hpp"
#include "domain/kernel/access_policy.hpp"
#include "domain/placements/direction_notice.hpp"
#include "domain/placements/placement.hpp"
#include "domain/providers/provider_profile.hpp"
#include "domain/providers/provider_standing.hpp"
#include "domain/pupils/pupil.hpp"
#include "domain/reintegration/reintegration.hpp"
#include "store/kernel/page.hpp"
#include "store/placements/placement_store.hpp"
#include "store/providers/provider_store.hpp"

namespace waypoint::app {

// For use cases built on a placement. The placement, if the actor may see it: the pupil's scope
// decides, and a provider sees only its own placements once they are agreed. Audited as `action`;
// refused reads answer NotFound.
store::PlacementRecord require_placement(const Services& s, const Actor& a, std::int64_t placement_id,
                                         const std::string& action);
// As require_placement, and the actor must be the commissioner (Denied otherwise).
store::PlacementRecord require_managed(const Services& s, const Actor& a, std::int64_t placement_id,
                                       const std::string& action);

// The facts the policy decides a placement on: its pupil's scope, its provider and commissioner,
// and whether it is still a draft.
domain::Scope placement_scope(store::Connection& c, const Actor& a, const store::PlacementRecord& p);
bool allowed_on_placement(const Services& s, const Actor& a, const store::PlacementRecord& p, domain::Action action);

bool has_status(const store::PlacementRecord& p, domain::PlacementStatus status);
// The day the placement started (or is to start): when it was started, else its planned first day.
domain::Date placement_start(const store::PlacementRecord& p);

struct PlacementForm {
  std::string provider_id;
  domain::PlacementTerms terms;
};

// A new draft placement for the pupil; the commissioner is the actor's school, or their LA for
// an s19 arrangement.
std::int64_t propose_placement(const Services& s, const Actor& a, std::int64_t pupil_id, const PlacementForm& f);
// While it is a draft or awaiting its start, the commissioner may change its terms (not the provider).
void change_placement(const Services& s, const Actor& a, std::int64_t placement_id, const PlacementForm& f);

struct PlacementView {
  store::PlacementRecord placement;
  domain::Pupil pupil;
  std::optional<domain::ProviderProfile> provider;
  std::vector<domain::Site> sites;           // the sites the placement names
  std::vector<domain::Site> provider_sites;  // all the provider's sites, for changing the placement
  domain::StandingResult standing;
  std::optional<store::Acceptance> acceptance;  // the commissioning school's
  std::vector<domain::Blocker> blockers;        // why it cannot start yet
  std::optional<std::string> earliest_start;    // for an off-site direction with its notice sent
  bool needs_authority_consent = false;
  bool can_manage = false;
};

PlacementView view_placement(const Services& s, const Actor& a, std::int64_t placement_id);

// Placements of a pupil the actor may see: a provider sees only its own.
std::vector<store::PlacementRecord> placements_of_pupil(const Services& s, const Actor& a, const domain::Pupil& pupil);
// Within the actor's scope: a school's pupils, an LA's area, a provider's own pupils.
store::Page<store::PlacementRecord> list_placements(const Services& s, const Actor& a, const store::PageRequest& page);

// Draft to awaiting: the terms are agreed and the notice or consent can follow.
void agree_placement(const Services& s, const Actor& a, std::int64_t placement_id);
void record_notice(const Services& s, const Actor& a, std::int64_t placement_id, const std::string& sent_on,
                   const std::string& la_informed_on);
void record_consent(const Services& s, const Actor& a, std::int64_t placement_id, const std::string& parent_on,
                    const std::string& parent_from, const std::string& authority_on);
// Refuses with every blocker, naming its field; an override reason lifts only the provider's
// standing and the school's acceptance, and is kept on the placement and the audit trail.
void start_placement(const Services& s, const Actor& a, std::int64_t placement_id, const std::string& override_reason);
// Ends it with why, where the pupil went next and what the pupil and parents think of it.
void end_placement(const Services& s, const Actor& a, std::int64_t placement_id, const domain::PlacementEnding& ending);

// The written notice of an off-site direction, filled in from the placement, the pupil's parents,
// the provider's sites, the timetable and the school calendar. Anyone who may see the placement
// may read it; `missing` lists what it still lacks.
struct NoticeView {
  domain::DirectionNotice notice;
  std::vector<std::string> missing;
};
NoticeView direction_notice(const Services& s, const Actor& a, std::int64_t placement_id);

}  // namespace waypoint::app
