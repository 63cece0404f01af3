#pragma once
// The return to the home school, once a review decides on it: the commissioner writes the plan
// (readiness criteria tied to the objectives, phased steps, support, who does what), puts each step
// into the pupil's timetable when it starts, and checks at 2, 6 and 12 weeks after the full return
// that it is holding. Everyone who may see the placement reads it, parents included.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/kernel/actor.hpp"
#include "app/kernel/services.hpp"
#include "domain/placements/timetable.hpp"
#include "domain/reintegration/reintegration.hpp"
#include "store/placements/placement_store.hpp"
#include "store/progress/progress_store.hpp"
#include "store/reintegration/reintegration_store.hpp"

namespace waypoint::app {

struct StepView {
  store::StepRow step;
  domain::TimetableTotals week;  // the pupil's week as this step makes it
  bool can_apply = false;
};

struct FollowUpView {
  int number = 0;
  domain::Date due_on;
  std::optional<store::ReturnCheckRow> done;
};

struct ReintegrationView {
  store::PlacementRecord placement;
  std::optional<store::ReintegrationRow> plan;
  std::optional<std::int64_t> deciding_review;  // the latest review that decided to start the return
  std::vector<store::ObjectiveRef> objectives;  // of the agreed plan, to tie criteria to
  std::vector<StepView> steps;
  std::optional<domain::Date> full_return;  // the last step, once it is in the timetable
  std::vector<FollowUpView> follow_ups;     // from the full return
  bool can_edit = false;                    // the commissioner, while the placement runs, after the review
  bool can_record_follow_ups = false;
};
ReintegrationView view_reintegration(const Services& s, const Actor& a, std::int64_t placement_id);

void save_reintegration_plan(const Services& s, const Actor& a, std::int64_t placement_id,
                             const domain::ReintegrationInput& in);
// From its first day: its days at the home school, the rest at the provider, in the pupil's week.
void apply_return_step(const Services& s, const Actor& a, std::int64_t placement_id, int position);
void record_follow_up(const Services& s, const Actor& a, std::int64_t placement_id, int number,
                      const domain::FollowUpInput& in);

}  // namespace waypoint::app
