#pragma once
// Reviews of placements, the written requests for them, and each review's objectives as it saw them.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/kernel/database.hpp"

namespace waypoint::store {

struct ReviewRequestRow {
  std::int64_t id = 0;
  std::int64_t placement_id = 0;
  std::string requested_by;  // domain::review_requesters
  std::string requester_name;
  std::string requested_on;
  std::optional<std::string> owed_on;
  std::string recorded_by;  // name, for reading
  std::string recorded_at;
};
std::int64_t insert_review_request(Connection& c, const ReviewRequestRow& row, std::int64_t user_id,
                                   const std::string& now);
// Newest first, for any number of placements.
std::vector<ReviewRequestRow> review_requests_of(Connection& c, const std::vector<std::int64_t>& placement_ids);

struct ReviewObjectiveRow {
  int position = 0;
  std::string area, description, baseline, target, suggested_value, suggested_from, value, change_reason;
};

struct ReviewRow {
  std::int64_t id = 0;
  std::int64_t placement_id = 0;
  std::int64_t pupil_id = 0;
  std::string held_on;
  std::vector<std::string> attendees;
  std::string other_attendees;
  std::optional<std::string> la_invited_on;
  std::string pupil_voice, parent_voice;
  std::string since_date;
  int sessions_possible = 0, sessions_attended = 0;
  int engagement_total = 0, engagement_logs = 0;
  int incidents = 0;
  std::optional<std::int64_t> plan_version;
  std::string decision, decision_notes;
  std::optional<std::string> extended_to;
  std::optional<std::int64_t> new_plan_version;
  std::optional<std::string> next_review_on;
  std::string recorded_by;  // name, for reading
  std::string recorded_at;
  std::vector<ReviewObjectiveRow> objectives;  // read by find_review only
};
std::int64_t insert_review(Connection& c, const ReviewRow& row, std::int64_t user_id, const std::string& now);
std::optional<ReviewRow> find_review(Connection& c, std::int64_t id);
// Newest first, without their objectives, for any number of placements.
std::vector<ReviewRow> reviews_of(Connection& c, const std::vector<std::int64_t>& placement_ids);

}  // namespace waypoint::store
