#pragma once
// Parents' answers to a placement made with their consent, each with the terms as shown.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/kernel/database.hpp"

namespace waypoint::store {

struct ConsentAnswerRow {
  std::int64_t id = 0;
  std::int64_t placement_id = 0;
  std::string answer;  // given, refused
  std::string how;     // a consent_ways() code
  std::string given_by;
  std::optional<std::int64_t> parent_user_id;  // the parent's account, when they answered in Waypoint
  std::int64_t recorded_by = 0;
  std::string comment;
  std::string terms_shown;  // the lines, one to a line
  std::string terms_version;
  std::string answered_on;  // YYYY-MM-DD
  std::string recorded_at;
  std::string recorded_by_name;  // for reading
};

std::int64_t insert_consent_answer(Connection& c, const ConsentAnswerRow& row);
// Oldest first.
std::vector<ConsentAnswerRow> consent_answers_of(Connection& c, std::int64_t placement_id);
// A refusal takes back consent recorded before it: the placement cannot start on it.
void clear_parent_consent(Connection& c, std::int64_t placement_id, const std::string& now);

}  // namespace waypoint::store
