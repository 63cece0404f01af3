#pragma once
// Restrictive interventions as recorded, and the counts the LA's trend reads.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/interventions/restrictive_intervention.hpp"
#include "store/kernel/database.hpp"

namespace waypoint::store {

struct InterventionRow {
  std::int64_t id = 0;
  std::int64_t pupil_id = 0;
  std::int64_t recorded_by_org = 0;
  domain::InterventionInput record;  // as checked, trimmed
  std::string pupil_sen;
  std::string recorded_by_name;  // for reading
  std::string recorded_at;
  std::string organisation_name;  // for reading
};

std::int64_t insert_intervention(Connection& c, const InterventionRow& row, std::int64_t user_id);
// Newest first; a provider sees only its own (`recorded_by_org`).
std::vector<InterventionRow> interventions_of_pupil(Connection& c, std::int64_t pupil_id,
                                                    std::optional<std::int64_t> recorded_by_org);
std::optional<InterventionRow> find_intervention(Connection& c, std::int64_t id);
// For pupils of the LA's schools, from the first day of `from_month` (YYYY-MM): counts by who
// recorded them and month.
std::vector<domain::InterventionCount> intervention_counts_in_area(Connection& c, std::int64_t la_id,
                                                                   const std::string& from_month);

}  // namespace waypoint::store
