#pragma once
// The local authority's picture of its area: where its children in alternative provision are, and
// what needs attention. Each figure keeps the placements or pupils behind it, so a page can lead
// from a count to the children it counts.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/attendance/attendance.hpp"
#include "domain/calendar/school_calendar.hpp"
#include "domain/placements/placement_limits.hpp"

namespace waypoint::domain {

// One placement of a school in the area, as the picture reads it.
struct AreaPlacement {
  std::int64_t placement_id = 0, pupil_id = 0, school_id = 0, provider_id = 0;
  std::string status;            // status_code(): draft, awaiting, active, ended
  int tier = 2;                  // tier_of()
  std::string reason;            // placement_reasons()
  std::string provider_kind;     // provider_kinds() code
  bool provider_lapsed = false;  // the provider's standing has lapsed: a check ran out
  Date start, planned_end;       // the day it started (or is to start), and its planned last day
  std::optional<Date> ended;
  std::vector<std::string> services;  // services_involved() codes of the professionals around the pupil
  int sessions_a_week = 0;            // at the provider on the pupil's timetable now
};

// A pupil of a school in the area on a part-time timetable.
struct AreaPartTime {
  std::int64_t pupil_id = 0, school_id = 0;
  Date ends_on;
};

// An open children-missing-education alert about a pupil of a school in the area.
struct AreaMissingEducation {
  std::int64_t pupil_id = 0, school_id = 0;
};

struct AreaFacts {
  std::vector<AreaPlacement> placements;  // those that ran in the period, and those being arranged
  std::vector<AreaPartTime> part_time;
  std::vector<AreaMissingEducation> missing_education;
};

struct AreaFigure {
  std::string key;    // stable, for links and exports: "status_active", "tier_2", "reason_semh", ...
  std::string label;  // what it counts, in words
  int count = 0;
  std::vector<std::int64_t> placement_ids;  // the placements behind it, or
  std::vector<std::int64_t> pupil_ids;      // the pupils behind it, where it counts pupils
  bool counts_pupils = false;
};

struct AreaGroup {
  std::string key, title;  // "status", "Placements by status"
  std::vector<AreaFigure> figures;
};

// The groups in order: first what needs attention: placements running on `today` past their
// planned end, longer than 12 weeks at a provider that is not a school (the limit DfE plans), or at
// a provider whose checks have lapsed; pupils on part-time timetables and those past the end date;
// open missing-education alerts. Then placements by status (those that ran in [from, to] by where
// they stand now, and those being arranged), and of the placements running on any day of the
// period: by tier, primary reason, provider kind, registration and the services involved with the
// pupil (a placement counts once under each). Every figure of a code list is
// shown, with 0 where none, so areas and periods compare line by line.
// Once DfE's time limits are in force on `today` (`limits`), the 12-week figure counts the
// placements that break them: longer than 12 weeks at more than 4 sessions a week.
std::vector<AreaGroup> area_picture(const AreaFacts& facts, Date from, Date to, Date today,
                                    const PlacementLimitRule& limits = {});

// Whether a placement ran on any day of [from, to]: started by `to` and not ended before `from`.
bool ran_between(const AreaPlacement& p, Date from, Date to);

// Attendance at providers for one provider or school of the area.
struct AreaAttendance {
  std::int64_t id = 0;
  std::string name;
  AttendanceSummary sessions;
  int pupils = 0;               // pupils with any mark in the period
  int persistently_absent = 0;  // of them, missing 10 % or more of their possible sessions
};

// One pupil's sessions in the period at one provider or school (a group). The name is the caller's,
// and must outlive the call: an area has thousands of placements and a few hundred names.
struct GroupPupilSessions {
  std::int64_t group_id = 0;
  std::string_view group_name;
  std::int64_t pupil_id = 0;
  AttendanceSummary sessions;
};
// Each group's attendance, by name: a pupil's sessions in the group are added up before deciding
// whether they are persistently absent there.
std::vector<AreaAttendance> attendance_by_group(std::vector<GroupPupilSessions> sessions);

// A period as whole weeks (Monday to Sunday), which totals kept by the week answer, and the days
// either side, which marks answer. Registers are never taken for a day after `today`, so when the
// period runs to `today` or later its last week counts as whole.
struct PeriodWeeks {
  std::optional<std::pair<Date, Date>> weeks;  // the Mondays of the first and last whole weeks
  std::vector<std::pair<Date, Date>> days;     // first and last days of the parts outside them
};
PeriodWeeks split_into_weeks(Date from, Date to, Date today);

}  // namespace waypoint::domain
