#pragma once
// Monitoring visits: the commissioning school records each visit to its pupil at the provider and
// sets how often it visits; the AP lead sees visits due and overdue; the LA sees the record across
// its area.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/kernel/actor.hpp"
#include "app/kernel/services.hpp"
#include "domain/visits/visit.hpp"
#include "store/placements/placement_store.hpp"
#include "store/visits/visit_store.hpp"

namespace waypoint::app {

struct VisitDue {
  store::VisitScheduleRow placement;
  std::optional<domain::Date> due;  // nothing when the calendar does not reach it
  bool overdue = false;
};

struct PlacementVisits {
  store::PlacementRecord placement;
  std::vector<store::VisitRow> visits;  // newest first
  std::string every;                    // the schedule: a code of domain::visit_intervals()
  std::optional<VisitDue> next;         // while the placement runs
  bool can_record = false;
};
PlacementVisits placement_visits(const Services& s, const Actor& a, std::int64_t placement_id);
std::int64_t record_visit(const Services& s, const Actor& a, std::int64_t placement_id, const domain::VisitInput& in);
void set_visit_schedule(const Services& s, const Actor& a, std::int64_t placement_id, const std::string& every);

// The school's running placements whose visit is overdue or due within the next two weeks, soonest
// first: for the home page, empty for those who do not follow visits.
std::vector<VisitDue> visits_due(const Services& s, const Actor& a);

struct AreaVisits {
  domain::Date from;                        // the academic year's first day
  std::vector<store::AreaVisitRow> visits;  // newest first
  std::vector<VisitDue> overdue;            // running placements whose visit is overdue
};
AreaVisits area_visits(const Services& s, const Actor& a);

}  // namespace waypoint::app
