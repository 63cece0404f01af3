#include "domain/outreach/outreach.hpp"

#include "domain/attendance/attendance.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/text.hpp"
#include "domain/placements/timetable.hpp"

namespace waypoint::domain {

using std::chrono::sys_days;

const std::vector<CodeLabel>& outreach_referral_reasons() {
  static const std::vector<CodeLabel> list{
      {"not_attending", "Referred to AP and not attending"},
      {"missing_education", "Missing education"},
  };
  return list;
}

const std::vector<CodeLabel>& outreach_barriers() {
  static const std::vector<CodeLabel> list{
      {"anxiety", "Anxiety"},         {"health", "Health"},        {"family", "Family circumstances"},
      {"transport", "Transport"},     {"bullying", "Bullying"},    {"unmet_sen", "Special educational needs not met"},
      {"young_carer", "Young carer"}, {"other", "Something else"},
  };
  return list;
}

const std::vector<CodeLabel>& outreach_focuses() {
  static const std::vector<CodeLabel> list{
      {"wellbeing", "Wellbeing"},
      {"resilience", "Resilience"},
      {"subject", "A subject"},
  };
  return list;
}

const std::vector<CodeLabel>& outreach_outcomes() {
  static const std::vector<CodeLabel> list{
      {"placement", "Moved on to a placement"},
      {"back_to_school", "Back to school"},
      {"moved_away", "Moved away"},
      {"other", "Other"},
  };
  return list;
}

bool moved_on(std::string_view outcome) { return outcome == "placement" || outcome == "back_to_school"; }

std::optional<std::string> worker_area_problem(bool works_for_a_local_authority, bool in_the_pupils_area) {
  if (!works_for_a_local_authority || in_the_pupils_area) return std::nullopt;
  return "An outreach worker from a local authority works in their own area";
}

std::optional<std::string> caseload_problem(const std::string& worker_name, int open_cases, int limit) {
  if (open_cases < limit) return std::nullopt;
  return worker_name + " already has " + std::to_string(open_cases) + " pupils: a caseload holds at most " +
         std::to_string(limit);
}

FieldErrors home_visit_problems(const HomeVisitInput& in, Date opened_on, Date today) {
  FieldErrors e;
  if (auto problem = happened_on_problem(in.visited_on, opened_on, "the day the case opened", today, "the visit"))
    e.push_back({"visited_on", *problem});
  if (trimmed(in.who_seen).empty()) e.push_back({"who_seen", "Enter who you saw, or that nobody answered"});
  if (in.child_seen != "yes" && in.child_seen != "no") e.push_back({"child_seen", "Select whether you saw the child"});
  if (in.worry != "yes" && in.worry != "no")
    e.push_back({"worry", "Select whether the visit found a safeguarding worry"});
  else if (in.worry == "yes" && trimmed(in.safety_observed).empty())
    e.push_back({"safety_observed", "Say what you saw or heard that worries you"});
  if (trimmed(in.next_step).empty()) e.push_back({"next_step", "Enter the next step"});
  return e;
}

OutreachAlert alert_after_visit(const std::vector<bool>& child_seen, bool worry) {
  if (worry) return OutreachAlert::SafeguardingWorry;
  const auto n = child_seen.size();
  if (n >= 2 && !child_seen[n - 1] && !child_seen[n - 2]) return OutreachAlert::NotSeenTwice;
  return OutreachAlert::None;
}

std::string_view outreach_alert_kind(OutreachAlert a) {
  switch (a) {
    case OutreachAlert::NotSeenTwice:
      return "outreach_not_seen";
    case OutreachAlert::SafeguardingWorry:
      return "outreach_worry";
    case OutreachAlert::None:
      break;
  }
  return "";
}

std::optional<Date> next_home_visit_due(const SchoolCalendar& calendar, Date opened_on,
                                        std::optional<Date> last_visit) {
  return add_school_days(calendar, last_visit.value_or(opened_on), kHomeVisitSchoolDays);
}

bool home_visit_overdue(Date due, Date today) { return sys_days(today) > sys_days(due); }

FieldErrors plan_session_problems(const std::vector<PlanSessionInput>& sessions) {
  FieldErrors e;
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    const auto& s = sessions[i];
    const auto n = std::to_string(i + 1);
    if (!in_list(outreach_focuses(), s.focus))
      e.push_back({"focus_" + n, "Select what session " + n + " works on"});
    else if (s.focus == "subject" && trimmed(s.subject).empty())
      e.push_back({"subject_" + n, "Enter the subject of session " + n});
    if (!parse_school_weekday(s.weekday)) e.push_back({"weekday_" + n, "Select the day of session " + n});
    if (!parse_session(s.session)) e.push_back({"session_" + n, "Select morning or afternoon for session " + n});
  }
  return e;
}

std::optional<std::string> outreach_session_code(bool attended, std::string_view absence_code, bool arranged_by_la) {
  ProviderMark mark;
  mark.kind = attended ? MarkKind::Present : MarkKind::Absent;
  mark.absence_code = std::string(absence_code);
  // Outreach is education off site: the LA's is coded as its arrangement, the school's as approved AP.
  return home_school_code(mark, arranged_by_la ? "la_s19" : "off_site_direction", Session::Morning);
}

}  // namespace waypoint::domain
