#pragma once
// Restrictive interventions: recorded by the school or the provider where one happened, told to the
// parents the same day (a letter by e-mail and in Waypoint, or by post), read by everyone around the
// child, and counted by provider for the LA.
#include <cstdint>
#include <string>
#include <vector>

#include "app/kernel/actor.hpp"
#include "app/kernel/services.hpp"
#include "domain/interventions/restrictive_intervention.hpp"
#include "domain/pupils/pupil.hpp"
#include "store/interventions/intervention_store.hpp"

namespace waypoint::app {

std::int64_t record_intervention(const Services& s, const Actor& a, std::int64_t pupil_id,
                                 const domain::InterventionInput& in);

struct PupilInterventions {
  domain::Pupil pupil;
  std::vector<store::InterventionRow> records;  // newest first; a provider's own only
  bool can_record = false;
};
PupilInterventions pupil_interventions(const Services& s, const Actor& a, std::int64_t pupil_id);

struct InterventionView {
  store::InterventionRow record;
  domain::Pupil pupil;
};
InterventionView view_intervention(const Services& s, const Actor& a, std::int64_t id);

struct InterventionTrend {
  std::vector<std::string> months;  // YYYY-MM, oldest first
  std::vector<domain::ProviderTrend> rows;
};
// The last six months in the LA's area.
InterventionTrend area_intervention_trend(const Services& s, const Actor& a);

}  // namespace waypoint::app
