#pragma once
// Outreach: a worker (from the LA or a provider) who visits at home the children referred to AP who
// are not attending, or who are missing education, assesses what keeps them away and builds them a
// plan of sessions. Pure rules; the use cases keep the records.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/calendar/school_calendar.hpp"
#include "domain/kernel/code_label.hpp"
#include "domain/kernel/field_error.hpp"

namespace waypoint::domain {

// Why a pupil is on a caseload: referred to AP and not attending, or missing education.
const std::vector<CodeLabel>& outreach_referral_reasons();
// What a barrier assessment looks at: anxiety, health, family, transport, bullying, unmet SEN,
// young carer, other.
const std::vector<CodeLabel>& outreach_barriers();
// What a planned session works on: wellbeing, resilience, a subject.
const std::vector<CodeLabel>& outreach_focuses();
// How a case closes: a placement, back to school, moved away, other.
const std::vector<CodeLabel>& outreach_outcomes();
// Whether an outcome counts as the pupil moving on (to a placement, or back to school).
bool moved_on(std::string_view outcome);

// Where a worker may work: a provider's staff for any pupil, an LA's officer only in their own area.
// Why not, or nothing.
std::optional<std::string> worker_area_problem(bool works_for_a_local_authority, bool in_the_pupils_area);

// A caseload holds at most this many open cases unless the deployment sets its own.
inline constexpr int kDefaultCaseloadLimit = 5;
// Why one more case cannot go to a worker with `open_cases` already, or nothing.
std::optional<std::string> caseload_problem(const std::string& worker_name, int open_cases, int limit);

struct HomeVisitInput {
  std::string visited_on;  // YYYY-MM-DD
  std::string who_seen;    // who the worker saw
  std::string child_seen;  // yes, no
  std::string barriers_found;
  std::string safety_observed;  // what the worker saw of the child's safety; blank when nothing
  std::string worry;            // yes, no: a safeguarding worry
  std::string next_step;
};
// A real day from the case's opening to today; who was seen, whether the child was, whether there
// is a safeguarding worry (and then what was observed), and the next step.
FieldErrors home_visit_problems(const HomeVisitInput& in, Date opened_on, Date today);

// Whether a visit just recorded raises an alert for the DSL and the LA's children-missing-education
// officer: a safeguarding worry, or the child not seen at this visit and the one before it.
// `child_seen` holds each visit of the case, oldest first, the new one last.
enum class OutreachAlert { None, NotSeenTwice, SafeguardingWorry };
OutreachAlert alert_after_visit(const std::vector<bool>& child_seen, bool worry);
std::string_view outreach_alert_kind(OutreachAlert a);  // the alert kind, "" for None

// The next home visit is due 5 school days after the last one (or after the case opened), so a
// holiday pushes it on; nothing when the calendar runs out. Overdue from the day after.
inline constexpr int kHomeVisitSchoolDays = 5;
std::optional<Date> next_home_visit_due(const SchoolCalendar& calendar, Date opened_on, std::optional<Date> last_visit);
bool home_visit_overdue(Date due, Date today);

// A planned session in the tailored plan: its focus (and subject, for a subject), weekday and session.
struct PlanSessionInput {
  std::string focus, subject, weekday, session, notes;
};
// Fields numbered from 1: focus_1, subject_1, weekday_1, session_1.
FieldErrors plan_session_problems(const std::vector<PlanSessionInput>& sessions);

// The school's code for an outreach session: attended is K where the LA arranged the outreach and B
// where the school did; not attended keeps an absence code a provider may give; nothing otherwise.
std::optional<std::string> outreach_session_code(bool attended, std::string_view absence_code, bool arranged_by_la);

}  // namespace waypoint::domain
