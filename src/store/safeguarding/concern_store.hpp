#pragma once
// Safeguarding concerns and their follow-ups: inserted and read, never updated or deleted.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/kernel/database.hpp"
#include "store/kernel/page.hpp"

namespace waypoint::store {

struct ConcernRow {
  std::int64_t id = 0;
  std::int64_t pupil_id = 0;
  std::int64_t school_id = 0;
  std::string category;
  std::string happened_on;
  std::string what_happened;
  std::string action_taken;
  std::int64_t logged_by = 0;
  std::string logged_by_name;  // and their organisation
  std::string logged_at;
};

struct FollowUp {
  std::string note;
  std::string by;
  std::string at;
};

std::int64_t insert_concern(Connection& c, const ConcernRow& row);
std::optional<ConcernRow> find_concern(Connection& c, std::int64_t id);
// Newest first.
Page<ConcernRow> concerns_of_pupil(Connection& c, std::int64_t pupil_id, const PageRequest& page);
void insert_follow_up(Connection& c, std::int64_t concern_id, const std::string& note, std::int64_t user_id,
                      const std::string& now);
std::vector<FollowUp> follow_ups_of(Connection& c, std::int64_t concern_id);

struct ConcernReader {
  std::int64_t user_id = 0;
  std::string name;
  std::string email;
  std::string allowed_by;
  std::string allowed_at;
};
bool is_concern_reader(Connection& c, std::int64_t school_id, std::int64_t user_id);
std::vector<ConcernReader> concern_readers(Connection& c, std::int64_t school_id);
void allow_concern_reader(Connection& c, std::int64_t school_id, std::int64_t user_id, std::int64_t by,
                          const std::string& now);
void remove_concern_reader(Connection& c, std::int64_t school_id, std::int64_t user_id);

}  // namespace waypoint::store
