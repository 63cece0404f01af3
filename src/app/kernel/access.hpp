#pragma once
// Who may do what: the one place permissions are decided. Default deny: a use case that does not
// find its actor allowed here refuses.
#include <cstdint>
#include <optional>

#include "app/kernel/actor.hpp"

namespace waypoint::app {

// Throws Denied unless `allowed`.
void require(bool allowed);

bool may_administer(const Actor& a);
bool may_search_audit(const Actor& a);

// What decides whether a pupil's record is within someone's scope.
struct PupilScope {
  std::int64_t school_id = 0;
  std::optional<std::int64_t> school_local_authority_id;
  bool actor_is_guardian = false;
  bool placed_with_actor_provider = false;
};

bool may_view_pupil(const Actor& a, const PupilScope& p);
// The home school's staff keep a pupil's record: details, needs and contacts.
bool may_edit_pupil(const Actor& a, std::int64_t school_id);

// The provider directory. Providers' own details are not children's data: schools and LA
// officers may read the whole directory; a provider's staff read only their own entry.
bool may_browse_directory(const Actor& a);
bool may_view_provider(const Actor& a, std::int64_t provider_id);
// LA officers keep the directory of their own area.
bool may_manage_provider(const Actor& a, std::optional<std::int64_t> provider_local_authority);
bool may_add_provider(const Actor& a);
// Evidence counts once an LA officer (of the provider's area) or a school's AP lead or head verifies it.
bool may_verify_checks(const Actor& a, std::optional<std::int64_t> provider_local_authority);
// A provider's manager submits evidence for their own provider.
bool may_submit_evidence(const Actor& a, std::int64_t provider_id);
// A school's own due diligence on a provider.
bool may_accept_provider(const Actor& a);

// Placements. A school's AP lead or head commissions for their own pupils under the school's
// powers; an LA officer arranges under s19 for pupils in their area.
bool may_commission(const Actor& a, const PupilScope& p, bool la_arrangement);
// The commissioner manages a placement through its life: the school's AP lead or head, or the
// LA's officers for an LA arrangement.
bool may_manage_placement(const Actor& a, std::int64_t commissioner_id);
// A pupil's whole week is kept by their school's AP lead or head, or by the LA officers of the area.
bool may_edit_timetable(const Actor& a, const PupilScope& p);
// A school's AP lead or head keeps its calendar and full-time week; LA officers keep the LA's.
bool may_keep_calendar(const Actor& a);
// A provider's manager and staff take its registers.
bool may_take_register(const Actor& a);
// Everyone working with pupils (school staff, providers, LA officers): they have an inbox of
// alerts and record safeguarding concerns. Parents and administrators do neither.
bool works_with_pupils(const Actor& a);
// Safeguarding concerns about a school's pupils are read by its DSL, the colleagues the DSL allows,
// and the LA officers of the school's area.
bool may_read_concerns(const Actor& a, std::int64_t school_id, std::optional<std::int64_t> school_local_authority,
                       bool allowed_by_dsl);
// Progress and incidents are logged by the staff of the placement's provider.
bool may_log_progress(const Actor& a, std::int64_t provider_id);
// A school's AP lead and head follow when its pupils' reviews fall due.
bool may_follow_reviews(const Actor& a);
// Outcomes across placements: a school's AP lead and head for its pupils, LA officers for their
// area, a provider's manager for its own placements.
bool may_see_outcomes(const Actor& a);
// Those who commission may also see where the registration threshold stands for providers.
bool may_see_threshold_list(const Actor& a);

// The actor used by the command line, which is run by whoever operates the server.
Actor operator_actor();

}  // namespace waypoint::app
