#pragma once
// What alternative provision achieved for a cohort: placements started and ended in a period, how
// long they ran, how many pupils went back to mainstream school and whether the return held,
// attendance and suspensions before, during and after, and where pupils went. Each figure keeps
// the placements behind it, so a page can link to the pupils.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/attendance/attendance.hpp"
#include "domain/calendar/school_calendar.hpp"

namespace waypoint::domain {

// One placement as the outcome figures read it.
struct PlacementOutcome {
  std::int64_t placement_id = 0;
  Date started;
  std::optional<Date> ended;
  std::string end_reason;                   // "cancelled" placements never ran: left out of what ended
  std::string destination;                  // destinations(); empty when not recorded
  std::optional<double> attendance_before;  // the attendance objective's baseline, a percentage
  AttendanceSummary during;                 // the provider's marks
  std::optional<double> attendance_after;   // the latest check after the return
  std::optional<int> suspensions_before;    // the suspensions objective's baseline
  std::optional<int> suspensions_after;     // the latest check after the return (they count since the return)
  std::optional<bool> holding_at_12_weeks;  // the 12-week check, once recorded
};

struct Figure {
  std::string key;                          // stable, for links and exports
  std::string label;                        // what it is, in words
  std::string value;                        // as people read it: "3", "12.5 weeks", "2 of 3 (66.7%)"
  std::vector<std::int64_t> placement_ids;  // the placements behind it
  std::optional<double> amount;             // the figure as a number, for charts: a count or a percentage
};

// In order: started, ended, median_length, reintegrated, holding_12_weeks, attendance_before,
// attendance_during, attendance_after, suspensions_before, suspensions_after, then one
// destination_<code> for each destination with any pupil. Started counts placements that started
// in [from, to]; every other figure reads the placements that ended in it (not cancelled ones).
std::vector<Figure> outcome_figures(const std::vector<PlacementOutcome>& cohort, Date from, Date to);

// The middle value (the mean of the two middle values for an even count); nothing for none.
std::optional<double> median(std::vector<double> values);

// The academic year a day falls in starts on 1 September: the first day of the year to date.
Date academic_year_start(Date d);

}  // namespace waypoint::domain
