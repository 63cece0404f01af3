#pragma once
// What a school's returns read: its placements that ran in a period, with their providers'
// identifiers and the timetables that say how many sessions a week each had, and the providers it
// uses with their sites and latest quality-assurance visit.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/kernel/database.hpp"

namespace waypoint::store {

// Whose placements a return is about: a school's own, or those its LA arranges under s19.
enum class Arranger { School, LocalAuthority };

struct ReturnPlacementRow {
  std::int64_t placement_id = 0, pupil_id = 0, provider_id = 0;
  std::string pupil_name, upn, needs;  // needs as stored: codes separated by commas
  std::string family_name, given_name, date_of_birth, gender;
  std::string provider_name, provider_kind, urn, ukprn, standing;
  std::string reason, legal_basis, started;  // started: the day it started
  std::optional<std::string> ended_on;
};
// The placements a school arranged (not the LA's under s19), or an LA arranged, that started by
// `last_day` and had not ended before `first_day`; cancelled ones never started. By provider name,
// then pupil name.
std::vector<ReturnPlacementRow> placements_between(Connection& c, Arranger by, std::int64_t arranger_id,
                                                   const std::string& first_day, const std::string& last_day,
                                                   const std::string& today);

// One timetabled slot of one of those placements; `superseded_at` set when it is from a timetable
// the school has since replaced (a placement that ended keeps its last one only in the history).
struct ReturnSlotRow {
  std::int64_t placement_id = 0;
  int weekday = 1, start_minute = 0, end_minute = 0;
  std::optional<std::string> superseded_at;
};
std::vector<ReturnSlotRow> placement_slots_between(Connection& c, Arranger by, std::int64_t arranger_id,
                                                   const std::string& first_day, const std::string& last_day);

// A provider's current sites, and its latest quality-assurance visit, for the AP list.
struct ReturnSiteRow {
  std::int64_t provider_id = 0;
  std::string name, address, postcode;
};
std::vector<ReturnSiteRow> provider_sites_of(Connection& c, const std::vector<std::int64_t>& provider_ids);
struct ReturnVisitRow {
  std::int64_t provider_id = 0;
  std::string completed_on, outcome;
};
std::vector<ReturnVisitRow> latest_quality_visits(Connection& c, const std::vector<std::int64_t>& provider_ids);

}  // namespace waypoint::store
