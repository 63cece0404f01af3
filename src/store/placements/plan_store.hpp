#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/placements/plan.hpp"
#include "store/kernel/database.hpp"

namespace waypoint::store {

struct PlanVersion {
  std::int64_t id = 0;
  std::int64_t placement_id = 0;
  int version = 0;
  std::string status;  // draft, agreed, superseded
  domain::Plan plan;
  std::string agreed_on;
  std::string agreed_by;  // name
  std::string updated_at;
};

// Newest first, without their objectives.
std::vector<PlanVersion> plan_versions(Connection& c, std::int64_t placement_id);
std::optional<PlanVersion> find_plan_version(Connection& c, std::int64_t placement_id, int version);
std::int64_t insert_plan_version(Connection& c, std::int64_t placement_id, int version, const domain::Plan& plan,
                                 std::int64_t user_id, const std::string& now);
// Only a draft changes; answers whether a draft was there to change.
bool update_draft(Connection& c, std::int64_t version_id, const domain::Plan& plan, const std::string& now);
void mark_agreed(Connection& c, std::int64_t placement_id, std::int64_t version_id, std::int64_t user_id,
                 const std::string& on, const std::string& now);

}  // namespace waypoint::store
