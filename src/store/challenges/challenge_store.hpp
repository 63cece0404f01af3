#pragma once
// Challenges to providers, each step kept, and the outcomes that make a provider's quality record.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/challenges/challenge.hpp"
#include "store/kernel/database.hpp"

namespace waypoint::store {

struct ChallengeRow {
  std::int64_t id = 0;
  std::int64_t placement_id = 0;
  std::int64_t provider_id = 0;
  std::int64_t pupil_id = 0;
  std::int64_t raised_by = 0;
  std::optional<std::int64_t> raised_by_organisation;  // the school, when its staff raised it
  domain::ChallengeInput input;
  std::string raised_at;
  std::optional<std::string> answer, answered_at, resolved_at, referred_at, outcome, la_note, settled_at;
  // For reading.
  std::string raised_by_name, answered_by_name, settled_by_name, pupil_name, school_name, provider_name;
};

std::int64_t insert_challenge(Connection& c, const ChallengeRow& row);
std::optional<ChallengeRow> find_challenge(Connection& c, std::int64_t id);
std::vector<ChallengeRow> challenges_of_placement(Connection& c, std::int64_t placement_id);  // newest first
std::vector<ChallengeRow> challenges_of_area(Connection& c, std::int64_t la_id);              // newest first
void answer_challenge(Connection& c, std::int64_t id, const std::string& answer, std::int64_t by,
                      const std::string& now);
void resolve_challenge(Connection& c, std::int64_t id, const std::string& now);
void refer_challenge(Connection& c, std::int64_t id, const std::string& now);
void settle_challenge(Connection& c, std::int64_t id, const std::string& outcome, const std::string& note,
                      std::int64_t by, const std::string& now);

}  // namespace waypoint::store
