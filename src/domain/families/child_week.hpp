#pragma once
// Where a child should be each school day of the week, in the words a parent reads on a phone:
// the settings their timetable names that day, only while the placement behind a setting runs,
// and no school on weekends, holidays and closures. Pure rules; the use case gathers the records.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/calendar/school_calendar.hpp"
#include "domain/placements/timetable.hpp"

namespace waypoint::domain {

// The Monday of the week a parent wants to see: this week, or next week at the weekend.
Date week_shown(Date today);

// A placement's days, as its slots need them: from the first day to the day it ended or is planned
// to end. A placement not yet started or already ended on a day sends nobody there that day.
struct PlacementDays {
  std::int64_t id = 0;
  Date first_day;
  Date last_day;
  bool running = false;  // agreed and started (or about to); a draft or ended one sends nobody
};

struct WeekSlot {
  TimetableSlot slot;
  std::optional<std::int64_t> placement_id;  // a provider's setting
};

enum class DayKind {
  NoSchool,        // weekend, holiday or closure
  Timetabled,      // the slots say where
  UsualSchoolDay,  // nothing timetabled and a full-time week: the home school as usual
  NothingToday,    // a part-time timetable leaves this day empty
};

struct ChildDay {
  Date date;
  DayKind kind = DayKind::NoSchool;
  std::vector<WeekSlot> slots;  // in time order, for a timetabled day
};

// Monday to Friday of the week starting `monday`.
std::vector<ChildDay> child_week(const SchoolCalendar& calendar, Date monday, const std::vector<WeekSlot>& slots,
                                 const std::vector<PlacementDays>& placements, bool part_time);

// A session's attendance code in a family's words: "There", "Late (12 minutes)", "Absent: Illness".
struct SessionWords {
  std::string text;
  bool attended = false;
  bool unauthorised = false;  // an absence the school has not agreed to
};
SessionWords session_in_words(std::string_view code, int minutes_late);

}  // namespace waypoint::domain
