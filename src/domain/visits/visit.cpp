#include "domain/visits/visit.hpp"

#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/text.hpp"
#include "domain/kernel/text_rules.hpp"

namespace waypoint::domain {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

// The half term holding `day`, or the first one after it when it falls in a holiday.
std::optional<std::size_t> half_term_from(const SchoolCalendar& c, Date day) {
  for (std::size_t i = 0; i < c.terms.size(); ++i)
    if (sys_days(day) <= sys_days(c.terms[i].last_day)) return i;
  return std::nullopt;
}

}  // namespace

const std::vector<CodeLabel>& visit_intervals() {
  static const std::vector<CodeLabel> list{
      {"half_term", "Each half term"}, {"four_weeks", "Every 4 weeks"}, {"two_weeks", "Every 2 weeks"}};
  return list;
}

FieldErrors visit_problems(const VisitInput& in, Date placement_start, Date today) {
  FieldErrors e;
  const auto day = parse_date(in.visited_on);  // actions are due on or after it
  if (auto problem =
          happened_on_problem(in.visited_on, placement_start, "the placement's first day", today, "the visit"))
    e.push_back({"visited_on", *problem});
  if (trimmed(in.visitors).empty()) e.push_back({"visitors", "Enter who visited"});
  if (in.pupil_seen_learning != "yes" && in.pupil_seen_learning != "no")
    e.push_back({"pupil_seen_learning", "Select whether the pupil was seen learning"});
  if (trimmed(in.what_seen).empty()) e.push_back({"what_seen", "Enter what was seen"});
  for (std::size_t i = 0; i < in.actions.size(); ++i) {
    const auto& a = in.actions[i];
    const auto n = std::to_string(i + 1);
    const bool any = !trimmed(a.action).empty() || !trimmed(a.owner).empty() || !trimmed(a.due_on).empty();
    if (!any) continue;
    // The API's actions are a list, not form fields the request's own text rules read: checked here,
    // each under the form's name for it.
    bool readable = true;
    for (const auto& [field, name, value] :
         {std::tuple{"action_" + n, "action", a.action}, std::tuple{"owner_" + n, "owner", a.owner}})
      if (auto problem = text_problem(name, value)) {
        e.push_back({field, *problem});
        readable = false;
      }
    if (!readable) continue;
    if (trimmed(a.action).empty()) e.push_back({"action_" + n, "Enter action " + n + ", or clear its owner and date"});
    if (trimmed(a.owner).empty()) e.push_back({"owner_" + n, "Enter who owns action " + n});
    const auto due = parse_date(trimmed(a.due_on));
    if (!due)
      e.push_back({"due_on_" + n, "Enter the date action " + n + " is due as a real date"});
    else if (day && sys_days(*due) < sys_days(*day))
      e.push_back({"due_on_" + n, "Action " + n + " must be due on or after the visit"});
  }
  return e;
}

std::optional<Date> next_visit_due(const SchoolCalendar& calendar, std::string_view every, Date placement_start,
                                   std::optional<Date> last_visit) {
  if (every == "two_weeks" || every == "four_weeks") {
    const int weeks = every == "two_weeks" ? 2 : 4;
    const Date due{sys_days(last_visit.value_or(placement_start)) + days(7 * weeks)};
    if (is_school_day(calendar, due)) return due;
    // A school day comes after the due day only while the calendar runs; none known, the day stands.
    if (auto next = add_school_days(calendar, due, 1)) return next;
    return calendar.terms.empty() ? std::optional(due) : std::nullopt;
  }
  const auto term = half_term_from(calendar, last_visit.value_or(placement_start));
  if (!term) return std::nullopt;
  // Before any visit, the placement's first half term; after one, the half term after the visit's.
  std::size_t i = *term;
  if (last_visit && sys_days(*last_visit) >= sys_days(calendar.terms[i].first_day)) ++i;
  if (i >= calendar.terms.size()) return std::nullopt;
  return calendar.terms[i].last_day;
}

bool visit_overdue(Date due, Date today) { return sys_days(today) > sys_days(due); }

}  // namespace waypoint::domain
