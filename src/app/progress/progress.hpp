#pragma once
// A provider logs each session or day: engagement, behaviour, wellbeing, work covered and values
// against the plan's objectives; and incidents. The home school, the LA and the parents read them.
#include <cstdint>
#include <string>
#include <vector>

#include "app/kernel/actor.hpp"
#include "app/kernel/services.hpp"
#include "domain/progress/progress.hpp"
#include "domain/pupils/pupil.hpp"
#include "store/placements/placement_store.hpp"
#include "store/progress/progress_store.hpp"

namespace waypoint::app {

struct ProgressForm {
  store::PlacementRecord placement;
  std::vector<store::ObjectiveRef> objectives;  // of the agreed plan; none until one is agreed
  std::vector<store::ProgressLogRow> recent;    // this placement's last 20 logs, newest first
};
// Only the staff of the placement's provider log, while it is active.
ProgressForm progress_form(const Services& s, const Actor& a, std::int64_t placement_id);
void log_progress(const Services& s, const Actor& a, std::int64_t placement_id, const domain::ProgressInput& in);
// A high-severity incident raises an alert for the home school's DSL.
void log_incident(const Services& s, const Actor& a, std::int64_t placement_id, const domain::IncidentInput& in);

// A pupil's logs and incidents over the last year. A provider reads only its own.
struct PupilProgress {
  std::vector<store::ProgressLogRow> logs;  // oldest first
  std::vector<store::IncidentRow> incidents;
  std::vector<domain::WeekEngagement> weeks;
};
PupilProgress pupil_progress(const Services& s, const Actor& a, std::int64_t pupil_id);
// The weekly engagement and the incidents alone, for a pupil already read through the envelope (the
// pupil is the proof of scope), so that a page showing attendance beside them checks and audits the
// read once; `also`, reads of the caller's, go with these in one round trip.
struct ProgressTrend {
  std::vector<domain::WeekEngagement> weeks;
  std::vector<store::IncidentRow> incidents;
};
ProgressTrend progress_trend_of(store::Connection& c, const Services& s, const Actor& a, std::int64_t pupil_id,
                                std::vector<store::Read> also);

}  // namespace waypoint::app
