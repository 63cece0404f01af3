#include "domain/reports/provider_report.hpp"

#include <cstdio>
#include <numeric>

#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/text.hpp"
#include "domain/reviews/review_record.hpp"

namespace waypoint::domain {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

bool has_school_day(const SchoolCalendar& c, Date from, Date to) {
  for (auto d = sys_days(from); d <= sys_days(to); d += days(1))
    if (is_school_day(c, Date{d})) return true;
  return false;
}

// The period holding `from`, by the interval.
std::optional<std::pair<Date, Date>> period_from(const SchoolCalendar& c, std::string_view every, Date from) {
  if (every == "half_term") {
    for (const auto& t : c.terms)
      if (sys_days(from) <= sys_days(t.last_day))
        return std::pair{sys_days(from) < sys_days(t.first_day) ? t.first_day : from, t.last_day};
    return std::nullopt;
  }
  const int weeks = every == "two_weeks" ? 2 : 1;
  const std::chrono::weekday wd{sys_days(from)};
  if (wd == std::chrono::Saturday || wd == std::chrono::Sunday) from = Date{sys_days(monday_of(from)) + days(7)};
  return std::pair{from, Date{sys_days(monday_of(from)) + days(7 * weeks - 3)}};  // to the Friday
}

}  // namespace

const std::vector<CodeLabel>& report_intervals() {
  static const std::vector<CodeLabel> list{
      {"week", "Every week"}, {"two_weeks", "Every 2 weeks"}, {"half_term", "Each half term"}};
  return list;
}

std::optional<ReportPeriod> next_report_period(const SchoolCalendar& calendar, std::string_view every,
                                               Date placement_start, std::optional<Date> last_to) {
  Date from = last_to ? Date{sys_days(*last_to) + days(1)} : placement_start;
  if (sys_days(from) < sys_days(placement_start)) from = placement_start;
  for (int guard = 0; guard < 60; ++guard) {
    const auto period = period_from(calendar, every, from);
    if (!period) return std::nullopt;
    const auto [first, last] = *period;
    if (has_school_day(calendar, first, last)) {
      const auto due = add_school_days(calendar, last, kReportDueSchoolDays).value_or(Date{sys_days(last) + days(4)});
      return ReportPeriod{first, last, due};
    }
    if (calendar.terms.empty()) return ReportPeriod{first, last, Date{sys_days(last) + days(4)}};
    from = Date{sys_days(last) + days(1)};
  }
  return std::nullopt;
}

ReportLateness report_lateness(const SchoolCalendar& calendar, const ReportPeriod& period, Date today) {
  if (sys_days(today) < sys_days(period.to)) return ReportLateness::NotYet;
  if (sys_days(today) <= sys_days(period.due)) return ReportLateness::Ready;
  const auto to_school = add_school_days(calendar, period.due, kReportToSchoolSchoolDays)
                             .value_or(Date{sys_days(period.due) + days(kReportToSchoolSchoolDays)});
  return sys_days(today) > sys_days(to_school) ? ReportLateness::LateWithSchool : ReportLateness::LateWithProvider;
}

std::string_view report_lateness_label(ReportLateness l) {
  switch (l) {
    case ReportLateness::NotYet:
      return "Not yet due";
    case ReportLateness::Ready:
      return "Ready to send";
    case ReportLateness::LateWithProvider:
      return "Late";
    case ReportLateness::LateWithSchool:
      return "Late: the school has been told";
  }
  return "";
}

std::vector<ReportSection> draft_report(const ReportFacts& f) {
  std::vector<ReportSection> out;
  const auto& a = f.attendance;
  ReportSection attendance{"Attendance and punctuality", {}};
  if (!a.possible) {
    attendance.lines.push_back("No sessions were recorded.");
  } else {
    attendance.lines.push_back("Attended " + std::to_string(a.attended) + " of " + std::to_string(a.possible) +
                               " sessions (" + percent_text(a.attended, a.possible) + "%).");
    if (a.unauthorised)
      attendance.lines.push_back(std::to_string(a.unauthorised) + " sessions missed without a reason.");
    attendance.lines.push_back(f.late_sessions ? "Late to " + std::to_string(f.late_sessions) +
                                                     (f.late_sessions == 1 ? " session." : " sessions.")
                                               : "On time to every session attended.");
  }
  out.push_back(std::move(attendance));

  ReportSection engagement{"Engagement", {}};
  if (f.engagement.empty()) {
    engagement.lines.push_back("No engagement was logged.");
  } else {
    const double mean = std::accumulate(f.engagement.begin(), f.engagement.end(), 0.0) / f.engagement.size();
    char text[64];
    std::snprintf(text, sizeof text, "%.1f", mean);
    engagement.lines.push_back("Average engagement " + std::string(text) + " out of 5, over " +
                               std::to_string(f.engagement.size()) + (f.engagement.size() == 1 ? " log." : " logs."));
  }
  out.push_back(std::move(engagement));

  ReportSection behaviour{"Behaviour and incidents", {}};
  for (const auto& b : f.behaviour)
    if (!trimmed(b).empty()) behaviour.lines.push_back(b);
  if (f.incidents.empty())
    behaviour.lines.push_back("No incidents.");
  else
    for (const auto& i : f.incidents) behaviour.lines.push_back("Incident: " + i);
  out.push_back(std::move(behaviour));

  ReportSection progress{"Progress against the plan", {}};
  if (f.objectives.empty()) progress.lines.push_back("The plan has no agreed objectives yet.");
  for (const auto& o : f.objectives)
    progress.lines.push_back(
        o.description + " (target " + o.target +
        "): " + (o.latest.empty() ? "nothing logged this period" : o.latest + " on " + date_text(o.latest_on)));
  out.push_back(std::move(progress));

  ReportSection voice{"In the pupil's own words", {}};
  if (f.pupil_said.empty()) voice.lines.push_back("Nothing recorded this period.");
  for (const auto& w : f.pupil_said) voice.lines.push_back(w);
  out.push_back(std::move(voice));
  return out;
}

FieldErrors report_problems(std::string_view comment) {
  if (trimmed(comment).empty()) return {{"comment", "Enter the provider's comment on the period"}};
  return {};
}

}  // namespace waypoint::domain
