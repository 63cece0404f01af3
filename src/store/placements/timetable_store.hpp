#pragma once
// A pupil's whole week, and what makes a part-time week lawful.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/placements/timetable.hpp"
#include "store/kernel/database.hpp"

namespace waypoint::store {

struct SlotRow {
  std::int64_t id = 0;
  domain::TimetableSlot slot;  // slot.provider_id comes from the placement
  std::optional<std::int64_t> placement_id;
  std::optional<std::int64_t> site_id;
};

// Monday first, then by start time.
std::vector<SlotRow> slots_of_pupil(Connection& c, std::int64_t pupil_id);
std::vector<SlotRow> slots_of_placement(Connection& c, std::int64_t placement_id);
// The slots on `date`'s weekday of every placement active at a provider that day, in one read (for
// its registers), into `out`, to send with other reads (Connection::each_row_together).
Read slots_at_provider_read(std::int64_t provider_id, const std::string& date, unsigned iso_weekday,
                            std::vector<SlotRow>& out);
// The same for every placement a school has active that day (its today board).
Read slots_of_school_read(std::int64_t school_id, const std::string& date, unsigned iso_weekday,
                          std::vector<SlotRow>& out);
// The week is saved whole: what was there is replaced, and kept in timetable_slot_history as of `now`.
void replace_slots(Connection& c, std::int64_t pupil_id, const std::vector<SlotRow>& slots, const std::string& now);

struct PartTimeRow {
  std::string reason;
  std::optional<std::string> parent_agreed_on;
  std::string ends_on;
  std::string review_dates;  // dates separated by commas
  std::string starts_on;
};
std::optional<PartTimeRow> part_time_of(Connection& c, std::int64_t pupil_id);
// The school's pupils on a part-time timetable, with their UPN, for the sessions coded C2.
struct PartTimePupilRow {
  std::int64_t pupil_id = 0;
  std::string upn, starts_on, ends_on;
};
std::vector<PartTimePupilRow> part_time_pupils_of_school(Connection& c, std::int64_t school_id);
// Replaces the arrangement (none: the timetable is full time again); the one replaced is kept in
// part_time_arrangement_history as of `now`.
void save_part_time(Connection& c, std::int64_t pupil_id, const std::optional<PartTimeRow>& row,
                    const std::string& now);

// For the registration threshold: each pupil's weekly minutes at each provider (or one), per
// placement that is agreed or running; the caller keeps the kinds of provider the rule is about.
struct TaughtRow {
  std::int64_t provider_id = 0;
  std::int64_t pupil_id = 0;
  int minutes = 0;
  bool looked_after = false;
  std::string needs;
  std::string provider_kind;
  std::string provider_name;
  std::string pupil_name;
  std::optional<std::int64_t> pupil_local_authority_id;  // of the pupil's school
  std::string date_of_birth;
};
std::vector<TaughtRow> taught_at_providers(Connection& c, std::optional<std::int64_t> provider_id);

}  // namespace waypoint::store
