#include "app/visits/visits.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "app/calendar/school_calendars.hpp"
#include "app/kernel/access.hpp"
#include "app/kernel/envelope.hpp"
#include "app/kernel/errors.hpp"
#include "app/placements/placements.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/text.hpp"
#include "domain/outcomes/outcomes.hpp"

namespace waypoint::app {
namespace {

using domain::Date;
using std::chrono::sys_days;

// When each running placement's next visit is due, by its school's calendar.
std::vector<VisitDue> due_of(const Services& s, store::Connection& c, std::vector<store::VisitScheduleRow> rows) {
  SchoolCalendars calendars(s, c);
  std::vector<VisitDue> out;
  for (auto& r : rows) {
    const auto start = domain::parse_date(r.start_date);
    if (!start) continue;
    const auto last = r.last_visit ? domain::parse_date(*r.last_visit) : std::nullopt;
    out.push_back(
        {std::move(r), domain::next_visit_due(calendars.of(r.school_id), r.visit_every, *start, last), false});
  }
  return out;
}

void sort_soonest_first(std::vector<VisitDue>& list) {
  std::stable_sort(list.begin(), list.end(), [](const VisitDue& x, const VisitDue& y) {
    return x.due && (!y.due || sys_days(*x.due) < sys_days(*y.due));
  });
}

domain::VisitInput trimmed_visit(const domain::VisitInput& raw) {
  using domain::trimmed;
  domain::VisitInput v{trimmed(raw.visited_on), trimmed(raw.visitors),     trimmed(raw.pupil_seen_learning),
                       trimmed(raw.what_seen),  trimmed(raw.safeguarding), {}};
  for (const auto& a : raw.actions) v.actions.push_back({trimmed(a.action), trimmed(a.owner), trimmed(a.due_on)});
  return v;
}

}  // namespace

PlacementVisits placement_visits(const Services& s, const Actor& a, std::int64_t placement_id) {
  return run(s, a, {"visit.list", domain::Action::ReadVisits, "placement"}, placement_of(a, placement_id),
             [&](store::Connection& c, Subject<store::PlacementRecord>& p, AuditRecord&) {
               PlacementVisits v;
               v.placement = p.record;
               v.visits = store::visits_of(c, placement_id);
               v.every = store::visit_interval_of(c, placement_id);
               v.can_record = allowed(a, domain::Action::RecordVisit, p.scope);
               if (has_status(p.record, domain::PlacementStatus::Active)) {
                 store::VisitScheduleRow row;
                 row.placement_id = placement_id;
                 row.school_id = p.record.school_id;
                 row.start_date = domain::format_date(placement_start(p.record));
                 row.visit_every = v.every;
                 if (!v.visits.empty()) row.last_visit = v.visits.front().visit.visited_on;
                 auto due = due_of(s, c, {row});
                 if (!due.empty()) {
                   v.next = std::move(due.front());
                   v.next->overdue = v.next->due && domain::visit_overdue(*v.next->due, s.today());
                 }
               }
               return v;
             });
}

std::int64_t record_visit(const Services& s, const Actor& a, std::int64_t placement_id, const domain::VisitInput& raw) {
  const auto in = trimmed_visit(raw);
  return run(s, a, {"visit.record", domain::Action::RecordVisit, "provider_visit"}, placement_of(a, placement_id),
             [&](store::Connection& c, Subject<store::PlacementRecord>& p, AuditRecord& entry) {
               if (!has_status(p.record, domain::PlacementStatus::Active) &&
                   !has_status(p.record, domain::PlacementStatus::Ended))
                 throw Invalid("visited_on", "A visit can be recorded once the placement has started");
               if (auto errors = domain::visit_problems(in, placement_start(p.record), s.today()); !errors.empty())
                 throw Invalid(std::move(errors));
               auto kept = in;  // the empty action rows of a form are not actions
               std::erase_if(kept.actions, [](const domain::VisitAction& x) { return x.action.empty(); });
               const auto id = store::insert_visit(c, placement_id, kept, a.user_id, s.now_iso());
               entry.entity_id = id;
               entry.detail = nlohmann::json{{"placement_id", placement_id},
                                             {"visited_on", kept.visited_on},
                                             {"pupil_seen_learning", kept.pupil_seen_learning == "yes"},
                                             {"actions", kept.actions.size()}}
                                  .dump();
               return id;
             });
}

void set_visit_schedule(const Services& s, const Actor& a, std::int64_t placement_id, const std::string& raw) {
  const auto every = domain::trimmed(raw);
  run(s, a, {"visit.schedule", domain::Action::RecordVisit, "placement"}, placement_of(a, placement_id),
      [&](store::Connection& c, Subject<store::PlacementRecord>&, AuditRecord& entry) {
        if (!domain::in_list(domain::visit_intervals(), every))
          throw Invalid("visit_every", "Select how often the school visits");
        store::set_visit_interval(c, placement_id, every);
        entry.detail = nlohmann::json{{"visit_every", every}}.dump();
      });
}

std::vector<VisitDue> visits_due(const Services& s, const Actor& a) {
  if (!allowed(a, domain::Action::FollowVisits)) return {};
  const auto today = s.today();
  auto out = run(s, a, {"visit.due", domain::Action::FollowVisits, "placement", false},
                 [&](store::Connection& c, AuditRecord&) {
                   auto all = due_of(s, c, store::visit_schedule_of_commissioner(c, a.organisation_id));
                   std::erase_if(all, [&](const VisitDue& d) {
                     return !d.due || sys_days(*d.due) > sys_days(today) + std::chrono::days(14);
                   });
                   for (auto& d : all) d.overdue = domain::visit_overdue(*d.due, today);
                   return all;
                 });
  sort_soonest_first(out);
  return out;
}

AreaVisits area_visits(const Services& s, const Actor& a) {
  const auto today = s.today();
  return run(s, a, {"visit.area", domain::Action::SeeAreaVisits, "area"}, [&](store::Connection& c, AuditRecord&) {
    const auto la_id = *principal_of(a).local_authority_id;  // the policy allowed only an officer with one
    AreaVisits v;
    v.from = domain::academic_year_start(today);
    v.visits = store::area_visits(c, la_id, domain::format_date(v.from));
    for (auto& d : due_of(s, c, store::visit_schedule_of_area(c, la_id)))
      if (d.due && domain::visit_overdue(*d.due, today)) {
        d.overdue = true;
        v.overdue.push_back(std::move(d));
      }
    sort_soonest_first(v.overdue);
    return v;
  });
}

}  // namespace waypoint::app
