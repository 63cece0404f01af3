#pragma once
// What the local authority's picture of its area reads: the placements of its schools' pupils,
// pupils on part-time timetables, open missing-education alerts, and sessions marked at providers.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/kernel/database.hpp"

namespace waypoint::store {

struct AreaPlacementRow {
  std::int64_t placement_id = 0, pupil_id = 0, school_id = 0, provider_id = 0;
  std::string status, reason;
  int tier = 2;
  std::string start;  // the day it started, or is to start
  std::string planned_end;
  std::optional<std::string> ended_on;
};
// Each read below fills its `out` (which must outlive the read), so the picture sends them together.

// Placements of pupils of the LA's schools being arranged (draft, awaiting), running, or ended on or
// after `from` (cancelled ones never ran and are left out), in the order they were made.
Read area_placements_read(std::int64_t la_id, const std::string& from, std::vector<AreaPlacementRow>& out);

// The LA's schools that are open, for the filters.
struct AreaSchoolRow {
  std::int64_t id = 0;
  std::string name;
};
Read area_schools_read(std::int64_t la_id, std::vector<AreaSchoolRow>& out);

// A provider as the area's figures need it: its kind and its standing on `today`.
struct AreaProviderRow {
  std::int64_t id = 0;
  std::string name, kind, standing;
};
// The providers of the placements area_placements_read reads.
Read area_providers_read(std::int64_t la_id, const std::string& from, const std::string& today,
                         std::vector<AreaProviderRow>& out);

// A pupil of one of the LA's schools, for figures that count pupils.
struct AreaPupilRow {
  std::int64_t pupil_id = 0, school_id = 0;
  std::string pupil_name, school_name;
  // A part-time timetable's terms as the school saved them; empty for an alert.
  std::string ends_on, reason, review_dates, saved_at;  // saved_at: the instant, in UTC
  std::optional<std::string> parent_agreed_on;
  std::string starts_on;
};
Read area_part_time_read(std::int64_t la_id, std::vector<AreaPupilRow>& out);
// Pupils with a children-missing-education alert not yet closed.
Read area_missing_education_read(std::int64_t la_id, std::vector<AreaPupilRow>& out);

// The roles of the professionals recorded around pupils of the LA's schools (contacts not removed).
struct AreaContactRow {
  std::int64_t pupil_id = 0;
  std::string role;
};
Read area_contacts_read(std::int64_t la_id, std::vector<AreaContactRow>& out);

// The timetabled slots of the area's running placements that started on or before `started_by`, for
// how many sessions a week each has.
struct AreaSlotRow {
  std::int64_t placement_id = 0;
  int weekday = 1, start_minute = 0, end_minute = 0;
};
Read area_running_slots_read(std::int64_t la_id, const std::string& started_by, std::vector<AreaSlotRow>& out);

// Sessions marked in [from, to] at any provider for pupils of the LA's schools, by the code that
// counts (the school's where it changed one): one row a placement and code.
struct AreaCodeCount {
  std::int64_t placement_id = 0;
  std::string code;
  int sessions = 0;
};
void area_attendance(Connection& c, std::int64_t la_id, const std::string& from, const std::string& to,
                     const std::function<void(const AreaCodeCount&)>& add);
// The same for the whole weeks beginning on Mondays `first_monday` to `last_monday`, from the totals
// kept by the week (migration 0031): one row a placement, code and week, handed to `add` as read, for
// the caller to add up (cheaper than grouping them in SQL, and a year is never held whole).
void area_attendance_by_weeks(Connection& c, std::int64_t la_id, const std::string& first_monday,
                              const std::string& last_monday, const std::function<void(const AreaCodeCount&)>& add);

// What the weekly totals of the area's weeks `first_monday` to `last_monday` stand at: the calendar
// revision (which also moves when a school changes LA) and each week's revision (migration 0060),
// equal while none of those totals has changed. None on SQLite, which keeps no weeks' revisions. Read
// before the totals it labels, so totals read under a revision are never older than it.
struct AreaWeeksRevision {
  std::int64_t calendar = 0;
  std::vector<std::pair<std::string, std::int64_t>> weeks;  // by Monday, only weeks that have had totals
  bool operator==(const AreaWeeksRevision&) const = default;
};
std::optional<AreaWeeksRevision> area_weeks_revision(Connection& c, std::int64_t la_id, const std::string& first_monday,
                                                     const std::string& last_monday);

}  // namespace waypoint::store
