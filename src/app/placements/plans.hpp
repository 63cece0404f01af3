#pragma once
// Personalised plans for a placement. The commissioner drafts and agrees them; an agreed version
// is kept as it was and a change makes a new draft from it. The provider reads them; parents
// read agreed versions.
#include <optional>
#include <vector>

#include "app/kernel/actor.hpp"
#include "app/kernel/services.hpp"
#include "domain/pupils/pupil.hpp"
#include "store/placements/placement_store.hpp"
#include "store/placements/plan_store.hpp"

namespace waypoint::app {

struct PlanView {
  store::PlacementRecord placement;
  std::vector<store::PlanVersion> versions;  // newest first, those the actor may read
  std::optional<store::PlanVersion> shown;   // the one asked for, or the newest readable
  bool pupil_has_ehc_plan = false;
  bool can_edit = false;  // the shown version is a draft the actor may change
  bool can_start_new_version = false;
};

// `version` 0 means the newest the actor may read.
PlanView view_plan(const Services& s, const Actor& a, std::int64_t placement_id, int version = 0);
// Saves the draft (making version 1 if there is none). Refused when the newest version is agreed.
void save_plan_draft(const Services& s, const Actor& a, std::int64_t placement_id, const domain::Plan& plan);
void agree_plan(const Services& s, const Actor& a, std::int64_t placement_id);
// A new draft copied from the agreed version, to change it.
int start_new_plan_version(const Services& s, const Actor& a, std::int64_t placement_id);
// The same within the caller's use case (a review that amends the plan, whose audit entry names
// the new version); answers the new version's number.
int new_draft_from_agreed(store::Connection& c, const Services& s, const Actor& a,
                          const store::PlacementRecord& placement);

}  // namespace waypoint::app
