#pragma once
// Placements: proposed by a commissioner, agreed, started once the law and the checks allow, ended
// with a reason. Every read and change is scoped to the pupil and audited.
#include <optional>
#include <string>
#include <vector>

#include "app/kernel/actor.hpp"
#include "app/kernel/envelope.hpp"
#include "app/kernel/services.hpp"
#include "domain/kernel/access_policy.hpp"
#include "domain/placements/direction_notice.hpp"
#include "domain/placements/placement.hpp"
#include "domain/providers/provider_profile.hpp"
#include "domain/providers/provider_standing.hpp"
#include "domain/pupils/pupil.hpp"
#include "domain/reintegration/reintegration.hpp"
#include "store/families/family_store.hpp"
#include "store/kernel/page.hpp"
#include "store/placements/placement_store.hpp"
#include "store/providers/provider_store.hpp"

namespace waypoint::app {

// The facts the policy decides a placement on: its pupil's scope, its provider and commissioner,
// and whether it is still a draft.
domain::Scope placement_scope(store::Connection& c, const Actor& a, const store::PlacementRecord& p);

// The placement with that id and its scope, or nothing if there is no such placement: the subject
// of every use case built on a placement.
std::optional<Subject<store::PlacementRecord>> placement_subject(store::Connection& c, const Actor& a,
                                                                 std::int64_t placement_id);
inline auto placement_of(const Actor& a, std::int64_t placement_id) {
  return [&a, placement_id](store::Connection& c) { return placement_subject(c, a, placement_id); };
}

// A use case by which the commissioner changes the placement or what hangs on it (plan,
// timetable, reviews), audited as `name`: `work(connection, placement, audit_record)`.
template <class Work>
auto manage_placement(const Services& s, const Actor& a, const std::string& name, std::int64_t placement_id,
                      Work work) {
  return run(s, a, {name, domain::Action::ManagePlacement, "placement"}, placement_of(a, placement_id),
             [&](store::Connection& c, Subject<store::PlacementRecord>& p, AuditRecord& entry) {
               return work(c, p.record, entry);
             });
}

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
  std::vector<std::string> rules_applied;       // the planned limits' versions on the first day, in words
  bool needs_authority_consent = false;
  bool can_manage = false;
  bool can_log = false;             // the provider logs progress while it runs
  bool can_ask_for_review = false;  // a parent, while it is agreed or running
  bool can_answer_consent = false;  // a parent, while it waits for consent (not a direction)
  bool can_read_visits = false;     // the school's monitoring visits: the staff around the placement
};

PlacementView view_placement(const Services& s, const Actor& a, std::int64_t placement_id);

// Within the actor's scope: a school's pupils, an LA's area, a provider's own pupils.
store::Page<store::PlacementRecord> list_placements(const Services& s, const Actor& a, const store::PageRequest& page);

// Draft to awaiting: the terms are agreed and the notice or consent can follow.
void agree_placement(const Services& s, const Actor& a, std::int64_t placement_id);
void record_notice(const Services& s, const Actor& a, std::int64_t placement_id, const std::string& sent_on,
                   const std::string& la_informed_on);
// The school records consent given outside Waypoint, saying how (a consent_ways() code other than
// "waypoint"); it is kept among the parents' answers with the terms as they stood.
void record_consent(const Services& s, const Actor& a, std::int64_t placement_id, const std::string& parent_on,
                    const std::string& parent_from, const std::string& parent_how, const std::string& authority_on);
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
  std::vector<store::AcknowledgementRow> acknowledgements;  // parents who read it in Waypoint
  bool can_acknowledge = false;                             // a parent who has not yet, once it is sent
};
NoticeView direction_notice(const Services& s, const Actor& a, std::int64_t placement_id);
// A parent says, in Waypoint, that they have read the notice the school sent.
void acknowledge_notice(const Services& s, const Actor& a, std::int64_t placement_id);

// The same, inside a use case's transaction, for a placement it has loaded.
PlacementView placement_view_on(store::Connection& c, const Services& s, const Actor& a,
                                const Subject<store::PlacementRecord>& subject);
NoticeView notice_on(store::Connection& c, const Services& s, const PlacementView& v);

}  // namespace waypoint::app
