#pragma once
// Term dates and closures kept by a school or a local authority.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "store/kernel/database.hpp"

namespace waypoint::store {

struct TermRow {
  std::int64_t id = 0;
  std::string name;
  std::string first_day;
  std::string last_day;
};

struct ClosureRow {
  std::string day;
  std::string reason;
};

std::vector<TermRow> terms_of(Connection& c, std::int64_t organisation_id);
// A number that moves whenever any terms, closures or school's local authority change (triggers).
std::int64_t calendar_revision(Connection& c);
// The same as a read to send with others: `out` is set when its row comes (0 if there is none).
Read calendar_revision_read(std::int64_t& out);
// Whether the organisation keeps any terms or closures of its own.
bool keeps_own_calendar(Connection& c, std::int64_t organisation_id);
// Every school's local authority and whether the school keeps a calendar of its own, in one read:
// for a sweep that meets nearly every school, where two reads a school were 48,000 round trips at
// national size.
struct SchoolCalendarKeeper {
  std::optional<std::int64_t> parent_id;
  bool keeps_own = false;
};
std::map<std::int64_t, SchoolCalendarKeeper> school_calendar_keepers(Connection& c);
std::vector<ClosureRow> closures_of(Connection& c, std::int64_t organisation_id);
// The same for many organisations at once (a register's pupils come from many schools): each
// organisation's terms, and which of them record a closure on `day`.
std::map<std::int64_t, std::vector<TermRow>> terms_of_each(Connection& c, const std::vector<std::int64_t>& ids);
std::set<std::int64_t> closed_on(Connection& c, const std::vector<std::int64_t>& ids, const std::string& day);
std::int64_t insert_term(Connection& c, std::int64_t organisation_id, const TermRow& t);
// Removing or replacing keeps what was there in calendar_term_history / calendar_closure_history.
void delete_term(Connection& c, std::int64_t organisation_id, std::int64_t term_id, const std::string& now);
void insert_closure(Connection& c, std::int64_t organisation_id, const ClosureRow& r, const std::string& now);
void delete_closure(Connection& c, std::int64_t organisation_id, const std::string& day, const std::string& now);

// The school's own full-time week in minutes, if it has set one.
std::optional<int> full_time_minutes(Connection& c, std::int64_t school_id);
void save_full_time_minutes(Connection& c, std::int64_t school_id, int minutes);

}  // namespace waypoint::store
