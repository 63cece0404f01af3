#pragma once
// The provider's regular report on a placement: at the interval the placement sets (every week by
// default, at least each half term), Waypoint drafts it from what was recorded in the period
// (attendance and punctuality, engagement, behaviour and incidents, progress against each objective,
// the pupil's own words) and the provider adds its comment and sends it. It is due two school days
// after its period ends; late, it is flagged to the provider, and three school days later to the
// school too. Pure rules; the use cases gather the records.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/attendance/attendance.hpp"
#include "domain/calendar/school_calendar.hpp"
#include "domain/kernel/code_label.hpp"
#include "domain/kernel/field_error.hpp"

namespace waypoint::domain {

// week (the default), two_weeks, half_term.
const std::vector<CodeLabel>& report_intervals();
inline constexpr std::string_view kDefaultReportInterval = "week";
inline constexpr int kReportDueSchoolDays = 2;
inline constexpr int kReportToSchoolSchoolDays = 3;  // late this many school days more: the school is told

struct ReportPeriod {
  Date from;
  Date to;
  Date due;
};

// The period after the one ending `last_to` (or the first, from the placement's first day): Monday
// to Friday, two such weeks, or the rest of a half term, never before the first day; periods with no
// school day (a holiday) are passed over. Nothing when the calendar has no school day left.
std::optional<ReportPeriod> next_report_period(const SchoolCalendar& calendar, std::string_view every,
                                               Date placement_start, std::optional<Date> last_to);

enum class ReportLateness { NotYet, Ready, LateWithProvider, LateWithSchool };
// NotYet before the period's last day; Ready from it to the day it is due; then late.
ReportLateness report_lateness(const SchoolCalendar& calendar, const ReportPeriod& period, Date today);
std::string_view report_lateness_label(ReportLateness l);

// What the records of the period say, for the draft.
struct ObjectiveProgress {
  std::string description;
  std::string target;     // with its unit
  std::string latest;     // the last value logged in the period, blank when none
  std::string latest_on;  // YYYY-MM-DD
};
struct ReportFacts {
  AttendanceSummary attendance;
  int late_sessions = 0;
  std::vector<int> engagement;  // each log's 1 to 5
  std::vector<std::string> behaviour;
  std::vector<std::string> incidents;  // "12 November 2026, serious: ..." as logged
  std::vector<ObjectiveProgress> objectives;
  std::vector<std::string> pupil_said;  // the pupil's own words in the period
};
struct ReportSection {
  std::string heading;
  std::vector<std::string> lines;
};
// The draft, in plain words: attendance and punctuality, engagement, behaviour and incidents,
// progress against each objective, the pupil's own words. A section with nothing recorded says so.
std::vector<ReportSection> draft_report(const ReportFacts& facts);

// The provider's comment is needed; the report is the period due now, not another.
FieldErrors report_problems(std::string_view comment);

}  // namespace waypoint::domain
