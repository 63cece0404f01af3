#include "app/families/child_week.hpp"

#include <algorithm>

#include "app/calendar/school_calendars.hpp"
#include "app/kernel/access.hpp"
#include "app/kernel/envelope.hpp"
#include "app/placements/placements.hpp"
#include "app/pupils/pupil_scope.hpp"
#include "domain/calendar/school_calendar.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/text.hpp"
#include "domain/outcomes/outcomes.hpp"
#include "store/accounts/organisation_store.hpp"
#include "store/families/family_store.hpp"
#include "store/placements/timetable_store.hpp"
#include "store/providers/provider_store.hpp"
#include "store/reports/report_store.hpp"

namespace waypoint::app {
namespace {

using domain::Date;
using domain::PlacementStatus;
using std::chrono::sys_days;

// Agreed and not yet started, or running: the placements that shape the child's weeks.
bool shapes_the_week(const store::PlacementRecord& p) {
  return has_status(p, PlacementStatus::Awaiting) || has_status(p, PlacementStatus::Active);
}

ChildPlacement child_placement(store::Connection& c, const Actor& a, const store::PlacementRecord& p,
                               const domain::Scope& pupil, Date today) {
  ChildPlacement cp{p,
                    store::find_provider(c, p.provider_id),
                    {},
                    store::agreed_objectives(c, p.id),
                    review_status_on(c, p, today),
                    store::reviews_of(c, {p.id}),
                    p.notice_sent_on.has_value(),
                    false};
  for (const auto& site : store::sites_of(c, p.provider_id))
    if (std::find(p.terms.site_ids.begin(), p.terms.site_ids.end(), site.id) != p.terms.site_ids.end())
      cp.sites.push_back(site);
  cp.consent_asked = has_status(p, PlacementStatus::Awaiting) && !domain::is_off_site_direction(p.terms.legal_basis) &&
                     !p.parent_consent_on;
  auto scope = domain::scope_of_placement(pupil, p.provider_id, p.commissioner_id, false);
  scope.reports_shared_with_family = store::report_schedule_of(c, p.id).to_parents;
  cp.reports_shared = allowed(a, domain::Action::ReadProviderReports, scope);
  for (const auto& ack : store::acknowledgements_of(c, p.id))
    if (ack.user_id == a.user_id && p.notice_sent_on && ack.notice_sent_on == *p.notice_sent_on) cp.notice_read = true;
  return cp;
}

std::vector<DueNext> due_next(const ChildWeek& w, const std::optional<store::PartTimeRow>& part_time, Date today) {
  std::vector<DueNext> due;
  const auto add = [&](std::optional<Date> on, std::string what) {
    if (on && sys_days(*on) >= sys_days(today)) due.push_back({*on, std::move(what)});
  };
  for (const auto& cp : w.placements) {
    // An overdue review stays on the list: it is still to happen.
    if (cp.review)
      due.push_back({cp.review->due.on, "Review of the placement at " + cp.placement.provider_name +
                                            (sys_days(cp.review->due.on) < sys_days(today) ? " (overdue)" : "")});
    if (has_status(cp.placement, PlacementStatus::Awaiting))
      add(domain::parse_date(cp.placement.terms.start_date), "First day at " + cp.placement.provider_name);
    add(domain::parse_date(cp.placement.terms.planned_end_date), "Planned last day at " + cp.placement.provider_name);
  }
  if (part_time) {
    for (const auto& d : domain::split_list(part_time->review_dates))
      add(domain::parse_date(d), "Review of the part-time timetable");
    add(domain::parse_date(part_time->ends_on), "Back to a full-time timetable");
  }
  std::stable_sort(due.begin(), due.end(),
                   [](const DueNext& x, const DueNext& y) { return sys_days(x.on) < sys_days(y.on); });
  return due;
}

}  // namespace

ChildWeek child_week(const Services& s, const Actor& a, std::int64_t pupil_id) {
  return run(s, a, {"child.week", domain::Action::SeeChildWeek, "pupil"}, pupil_of(a, pupil_id),
             [&](store::Connection& c, Subject<domain::Pupil>& subject, AuditRecord&) {
               const auto today = s.today();
               ChildWeek w;
               w.pupil = subject.record;
               if (const auto school = store::find_organisation(c, w.pupil.school_id)) w.school_name = school->name;
               std::vector<domain::PlacementDays> days;
               for (const auto& p : store::placements_of_pupil(c, pupil_id)) {
                 if (!shapes_the_week(p)) continue;
                 w.placements.push_back(child_placement(c, a, p, subject.scope, today));
                 days.push_back({p.id, placement_start(p),
                                 domain::parse_date(p.terms.planned_end_date).value_or(placement_start(p)), true});
               }
               std::vector<domain::WeekSlot> slots;
               for (const auto& row : store::slots_of_pupil(c, pupil_id)) slots.push_back({row.slot, row.placement_id});
               const auto part_time = store::part_time_of(c, pupil_id);
               w.part_time = part_time.has_value();
               if (part_time) w.part_time_ends = domain::parse_date(part_time->ends_on);
               const auto calendar = calendar_for_school(c, w.pupil.school_id);
               w.monday = domain::week_shown(today);
               w.days = domain::child_week(calendar, w.monday, slots, days, w.part_time);
               const auto term = domain::term_of(calendar, today);
               w.attendance_from = term ? term->first_day : domain::academic_year_start(today);
               w.marks = store::marks_of_pupil(c, pupil_id, domain::format_date(w.attendance_from),
                                               domain::format_date(today));
               std::vector<std::string> codes;
               for (const auto& m : w.marks) codes.push_back(m.code());
               w.attendance = domain::summarise_attendance(codes);
               w.due = due_next(w, part_time, today);
               w.answers_as_parent = allowed(a, domain::Action::RespondAsParent, subject.scope);
               w.may_ask_about_data = allowed(a, domain::Action::MakeDataRequest, subject.scope);
               w.reader_is_the_pupil = allowed(a, domain::Action::SayHowItIsGoing, subject.scope);
               return w;
             });
}

}  // namespace waypoint::app
