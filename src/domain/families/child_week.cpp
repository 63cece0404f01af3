#include "domain/families/child_week.hpp"

#include <algorithm>

#include "domain/attendance/attendance.hpp"

namespace waypoint::domain {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::weekday;

Date week_shown(Date today) {
  const sys_days day{today};
  const weekday wd{day};
  // Saturday and Sunday look ahead to the coming week: it is the one a parent is getting ready for.
  if (wd == std::chrono::Saturday) return Date{day + days(2)};
  if (wd == std::chrono::Sunday) return Date{day + days(1)};
  return Date{day - (wd - std::chrono::Monday)};
}

namespace {

bool sends_there(const WeekSlot& s, const std::vector<PlacementDays>& placements, Date date) {
  if (!s.placement_id) return true;  // home school, online lessons, home tuition
  const auto p = std::find_if(placements.begin(), placements.end(),
                              [&](const PlacementDays& x) { return x.id == *s.placement_id; });
  return p != placements.end() && p->running && sys_days(p->first_day) <= sys_days(date) &&
         sys_days(date) <= sys_days(p->last_day);
}

}  // namespace

std::vector<ChildDay> child_week(const SchoolCalendar& calendar, Date monday, const std::vector<WeekSlot>& slots,
                                 const std::vector<PlacementDays>& placements, bool part_time) {
  std::vector<ChildDay> week;
  for (int i = 0; i < 5; ++i) {
    ChildDay d{Date{sys_days(monday) + days(i)}, DayKind::NoSchool, {}};
    if (is_school_day(calendar, d.date)) {
      const weekday wd{sys_days(d.date)};
      for (const auto& s : slots)
        if (s.slot.day == wd && sends_there(s, placements, d.date)) d.slots.push_back(s);
      std::sort(d.slots.begin(), d.slots.end(),
                [](const WeekSlot& x, const WeekSlot& y) { return x.slot.start_minute < y.slot.start_minute; });
      d.kind = !d.slots.empty() ? DayKind::Timetabled : part_time ? DayKind::NothingToday : DayKind::UsualSchoolDay;
    }
    week.push_back(std::move(d));
  }
  return week;
}

SessionWords session_in_words(std::string_view code, int minutes_late) {
  const auto c = find_attendance_code(code);
  if (!c) return {"Not recorded", false, false};
  switch (c->counts_as) {
    case SessionMeaning::Present:
    case SessionMeaning::AttendedElsewhere:
      if (code == "L" || code == "U" || minutes_late > 0)
        return {minutes_late > 0 ? "Late (" + std::to_string(minutes_late) + " minutes)" : "Late", true, false};
      return {"There", true, false};
    case SessionMeaning::AuthorisedAbsence:
      return {"Absent: " + std::string(c->meaning), false, false};
    case SessionMeaning::UnauthorisedAbsence:
      return {"Absent: " + std::string(c->meaning), false, true};
    case SessionMeaning::NotPossibleHere:
      break;
  }
  return {std::string(c->meaning), false, false};
}

}  // namespace waypoint::domain
