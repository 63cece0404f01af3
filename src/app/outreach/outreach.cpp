#include "app/outreach/outreach.hpp"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "app/alerts/alerts.hpp"
#include "app/calendar/school_calendars.hpp"
#include "app/kernel/envelope.hpp"
#include "app/pupils/pupil_scope.hpp"
#include "domain/attendance/attendance.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/text.hpp"
#include "domain/outcomes/outcomes.hpp"
#include "domain/placements/timetable.hpp"
#include "store/accounts/organisation_store.hpp"
#include "store/accounts/user_store.hpp"
#include "store/pupils/pupil_store.hpp"

namespace waypoint::app {
namespace {

using domain::Action;
using domain::trimmed;

struct OutreachCase {
  store::OutreachCaseRow row;
  domain::Pupil pupil;
};

// The envelope's loader for a use case on one outreach case (see scope_of_outreach_case).
auto case_of(const Actor& a, std::int64_t case_id) {
  return [&a, case_id](store::Connection& c) -> std::optional<Subject<OutreachCase>> {
    auto row = store::find_outreach_case(c, case_id);
    if (!row) return std::nullopt;
    auto pupil = store::find_pupil(c, row->pupil_id);
    if (!pupil) return std::nullopt;
    const auto scope = scope_of_outreach_case(scope_of(c, a, *pupil), *row, a);
    const auto pupil_id = pupil->id;
    return Subject<OutreachCase>{{std::move(*row), std::move(*pupil)}, scope, case_id, pupil_id};
  };
}

std::optional<domain::Date> last_visit_of(const store::OutreachCaseRow& row) {
  return row.last_visit ? domain::parse_date(*row.last_visit) : std::nullopt;
}

CaseloadEntry entry_of(SchoolCalendars& calendars, const Services& s, store::OutreachCaseRow row) {
  CaseloadEntry e;
  const auto opened = domain::parse_date(row.opened_on).value_or(s.today());
  e.next_visit_due = domain::next_home_visit_due(calendars.of(row.school_id), opened, last_visit_of(row));
  e.overdue = e.next_visit_due && domain::home_visit_overdue(*e.next_visit_due, s.today());
  e.row = std::move(row);
  return e;
}

std::string pupil_name(const domain::Pupil& p) { return p.given_name + " " + p.family_name; }

// Alerts the school's DSL and the LA's officers at once (and by e-mail where mail is set up).
void raise_outreach_alerts(store::Connection& c, const Services& s, const Actor& a, const OutreachCase& oc,
                           std::int64_t visit_id, const domain::HomeVisitInput& visit, domain::OutreachAlert kind) {
  const auto code = std::string(domain::outreach_alert_kind(kind));
  const auto name = pupil_name(oc.pupil);
  const auto summary =
      kind == domain::OutreachAlert::SafeguardingWorry
          ? a.display_name + "'s home visit to " + name + " on " + domain::date_text(visit.visited_on) +
                " found a safeguarding worry: " + visit.safety_observed
          : name + " was not seen at " + a.display_name + "'s last two home visits, the latest on " +
                domain::date_text(visit.visited_on) + ". " + name + " is on an outreach caseload for " +
                std::string(domain::label_of(domain::outreach_referral_reasons(), oc.row.referred_because)) +
                ": check they are safe and in education.";
  auto for_dsl = alert_for_dsl(code, oc.pupil.id, oc.pupil.school_id, visit.visited_on, "day",
                               "visit:" + std::to_string(visit_id));
  for_dsl.summary = summary;
  raise_alert(c, s, &a, for_dsl, nlohmann::json{{"outreach_case_id", oc.row.id}, {"visit_id", visit_id}});
  if (!oc.row.local_authority_id) return;
  auto for_la = for_dsl;
  for_la.for_organisation_id = *oc.row.local_authority_id;
  for_la.for_role =
      std::string(domain::role_code(domain::alert_addressee(code, domain::OrganisationKind::LocalAuthority)));
  for_la.once_key = code + ":la:visit:" + std::to_string(visit_id);
  // Alerts are also unique by kind, pupil, date and session: the LA's copy is for the area's day.
  for_la.session = "area";
  raise_alert(c, s, &a, for_la, nlohmann::json{{"outreach_case_id", oc.row.id}, {"visit_id", visit_id}});
}

}  // namespace

PupilOutreach outreach_of_pupil(const Services& s, const Actor& a, std::int64_t pupil_id) {
  return run(s, a, {"outreach.list", Action::ReadOutreach, "pupil"}, pupil_of(a, pupil_id),
             [&](store::Connection& c, Subject<domain::Pupil>& pupil, AuditRecord&) {
               PupilOutreach out;
               out.pupil = pupil.record;
               out.cases = visible_outreach_of(c, a, pupil);
               out.can_open = allowed(a, Action::OpenOutreachCase, pupil.scope);
               return out;
             });
}

std::int64_t open_outreach_case(const Services& s, const Actor& a, std::int64_t pupil_id, const OpenCaseForm& f) {
  return run(
      s, a, {"outreach.open", Action::OpenOutreachCase, "outreach_case"}, pupil_of(a, pupil_id),
      [&](store::Connection& c, Subject<domain::Pupil>& pupil, AuditRecord& entry) {
        domain::FieldErrors errors;
        const auto email = trimmed(f.worker_email);
        const auto worker = email.empty() ? std::nullopt : store::find_user_by_email(c, email);
        const auto& la = pupil.scope.local_authority_id;
        if (email.empty()) {
          errors.push_back({"worker_email", "Enter the outreach worker's email address"});
        } else if (!worker || worker->disabled || !domain::may_do_outreach(worker->role)) {
          errors.push_back({"worker_email",
                            "Enter the address of an outreach worker with a Waypoint account: someone at the "
                            "local authority or at a provider"});
        } else if (const auto org = store::find_organisation(c, worker->organisation_id);
                   auto away = domain::worker_area_problem(org && org->kind == domain::OrganisationKind::LocalAuthority,
                                                           la && worker->organisation_id == *la)) {
          errors.push_back({"worker_email", *away});
        } else if (auto full = domain::caseload_problem(worker->display_name, store::open_cases_of(c, worker->id),
                                                        s.settings.outreach_caseload)) {
          errors.push_back({"worker_email", *full});
        }
        if (!domain::in_list(domain::outreach_referral_reasons(), trimmed(f.referred_because)))
          errors.push_back({"referred_because", "Select why the pupil needs outreach"});
        if (!errors.empty()) throw Invalid(std::move(errors));
        store::OutreachCaseRow row;
        row.pupil_id = pupil_id;
        row.school_id = pupil.record.school_id;
        // The school arranges it for its own pupil; anyone else allowed to is the pupil's LA.
        row.arranged_by_la = a.organisation_id != pupil.record.school_id;
        row.arranged_by_id = row.arranged_by_la ? la.value_or(a.organisation_id) : a.organisation_id;
        row.worker_id = worker->id;
        row.referred_because = trimmed(f.referred_because);
        row.opened_on = domain::format_date(s.today());
        const auto id = store::insert_outreach_case(c, row, a.user_id, s.now_iso());
        entry.entity_id = id;
        entry.detail = nlohmann::json{{"worker_id", worker->id},
                                      {"referred_because", row.referred_because},
                                      {"arranged_by_la", row.arranged_by_la}}
                           .dump();
        return id;
      });
}

OutreachCaseView view_outreach_case(const Services& s, const Actor& a, std::int64_t case_id) {
  return run(s, a, {"outreach.view", Action::ReadOutreach, "outreach_case"}, case_of(a, case_id),
             [&](store::Connection& c, Subject<OutreachCase>& oc, AuditRecord&) {
               OutreachCaseView v;
               v.row = oc.record.row;
               v.pupil = oc.record.pupil;
               v.visits = store::home_visits_of(c, case_id);
               v.barriers = store::barriers_of(c, case_id);
               v.plan = store::outreach_plan_of(c, case_id);
               v.sessions = store::outreach_sessions_of(c, case_id);
               if (!v.row.closed_on) {
                 SchoolCalendars calendars(s, c);
                 const auto e = entry_of(calendars, s, v.row);
                 v.next_visit_due = e.next_visit_due;
                 v.overdue = e.overdue;
               }
               v.can_work = allowed(a, Action::WorkOutreachCase, oc.scope);
               v.can_close = !v.row.closed_on && allowed(a, Action::CloseOutreachCase, oc.scope);
               return v;
             });
}

VisitRecorded record_home_visit(const Services& s, const Actor& a, std::int64_t case_id,
                                const domain::HomeVisitInput& raw) {
  return run(s, a, {"outreach.visit", Action::WorkOutreachCase, "outreach_case"}, case_of(a, case_id),
             [&](store::Connection& c, Subject<OutreachCase>& oc, AuditRecord& entry) {
               domain::HomeVisitInput in{trimmed(raw.visited_on),      trimmed(raw.who_seen),
                                         trimmed(raw.child_seen),      trimmed(raw.barriers_found),
                                         trimmed(raw.safety_observed), trimmed(raw.worry),
                                         trimmed(raw.next_step)};
               const auto opened = domain::parse_date(oc.record.row.opened_on).value_or(s.today());
               auto errors = domain::home_visit_problems(in, opened, s.today());
               if (!errors.empty()) throw Invalid(std::move(errors));
               VisitRecorded out;
               out.id = store::insert_home_visit(c, case_id, in, a.user_id, s.now_iso());
               std::vector<bool> seen;
               for (const auto& v : store::home_visits_of(c, case_id)) seen.push_back(v.visit.child_seen == "yes");
               out.alert = domain::alert_after_visit(seen, in.worry == "yes");
               if (out.alert != domain::OutreachAlert::None)
                 raise_outreach_alerts(c, s, a, oc.record, out.id, in, out.alert);
               entry.detail = nlohmann::json{{"visit_id", out.id},
                                             {"child_seen", in.child_seen},
                                             {"worry", in.worry},
                                             {"alert", domain::outreach_alert_kind(out.alert)}}
                                  .dump();
               return out;
             });
}

void assess_barriers(const Services& s, const Actor& a, std::int64_t case_id,
                     const std::vector<store::BarrierRow>& barriers) {
  run(s, a, {"outreach.barriers", Action::WorkOutreachCase, "outreach_case"}, case_of(a, case_id),
      [&](store::Connection& c, Subject<OutreachCase>&, AuditRecord& entry) {
        domain::FieldErrors errors;
        std::vector<store::BarrierRow> clean;
        for (const auto& b : barriers) {
          const auto code = trimmed(b.barrier);
          if (!domain::in_list(domain::outreach_barriers(), code)) {
            errors.push_back({"barriers", "Select barriers from the list"});
            continue;
          }
          const auto notes = trimmed(b.notes);
          if (notes.empty()) {
            auto what = std::string(domain::label_of(domain::outreach_barriers(), code));
            what[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(what[0])));
            errors.push_back({"notes_" + code, "Say what you found about " + what});
          }
          clean.push_back({code, notes});
        }
        if (!errors.empty()) throw Invalid(std::move(errors));
        store::replace_barriers(c, case_id, clean, a.user_id, s.now_iso());
        nlohmann::json found = nlohmann::json::array();
        for (const auto& b : clean) found.push_back(b.barrier);
        entry.detail = nlohmann::json{{"barriers", found}}.dump();
      });
}

void plan_outreach_sessions(const Services& s, const Actor& a, std::int64_t case_id,
                            std::vector<domain::PlanSessionInput> plan) {
  run(s, a, {"outreach.plan", Action::WorkOutreachCase, "outreach_case"}, case_of(a, case_id),
      [&](store::Connection& c, Subject<OutreachCase>&, AuditRecord& entry) {
        for (auto& p : plan) {
          for (auto* field : {&p.focus, &p.subject, &p.weekday, &p.session, &p.notes}) *field = trimmed(*field);
          if (p.focus != "subject") p.subject.clear();
        }
        auto errors = domain::plan_session_problems(plan);
        if (!errors.empty()) throw Invalid(std::move(errors));
        for (auto& p : plan) p.weekday = std::to_string(domain::parse_school_weekday(p.weekday)->iso_encoding());
        store::replace_outreach_plan(c, case_id, plan);
        entry.detail = nlohmann::json{{"sessions", plan.size()}}.dump();
      });
}

void record_outreach_session(const Services& s, const Actor& a, std::int64_t case_id, const OutreachSessionForm& f) {
  run(s, a, {"outreach.session", Action::WorkOutreachCase, "outreach_case"}, case_of(a, case_id),
      [&](store::Connection& c, Subject<OutreachCase>& oc, AuditRecord& entry) {
        domain::FieldErrors errors;
        const auto& row = oc.record.row;
        const auto day = domain::parse_date(trimmed(f.held_on));
        const auto opened = domain::parse_date(row.opened_on).value_or(s.today());
        if (auto problem = domain::happened_on_problem(trimmed(f.held_on), opened, "the day the case opened", s.today(),
                                                       "the session"))
          errors.push_back({"held_on", *problem});
        else if (!domain::is_school_day(calendar_for_school(c, row.school_id), *day))
          errors.push_back({"held_on", domain::date_text(*day) + " is not a school day at " + row.school_name +
                                           ": sessions count in its register on school days"});
        const auto session = domain::parse_session(trimmed(f.session));
        if (!session) errors.push_back({"session", "Select morning or afternoon"});
        const auto focus = trimmed(f.focus);
        if (!domain::in_list(domain::outreach_focuses(), focus))
          errors.push_back({"focus", "Select what the session worked on"});
        const auto attended = trimmed(f.attended);
        std::optional<std::string> code;
        if (attended != "yes" && attended != "no") {
          errors.push_back({"attended", "Select whether the pupil came"});
        } else {
          code = domain::outreach_session_code(attended == "yes", trimmed(f.absence_code), row.arranged_by_la);
          if (!code) errors.push_back({"absence_code", "Select the reason the pupil did not come"});
        }
        if (!errors.empty()) throw Invalid(std::move(errors));
        store::OutreachSessionRow out{case_id,
                                      row.pupil_id,
                                      row.school_id,
                                      domain::format_date(*day),
                                      std::string(domain::session_code(*session)),
                                      focus,
                                      attended == "yes",
                                      attended == "yes" ? "" : trimmed(f.absence_code),
                                      *code};
        store::save_outreach_session(c, out, a.user_id, s.now_iso());
        entry.detail =
            nlohmann::json{{"held_on", out.held_on}, {"session", out.session}, {"code", out.school_code}}.dump();
      });
}

void close_outreach_case(const Services& s, const Actor& a, std::int64_t case_id, const std::string& outcome,
                         const std::string& note) {
  run(s, a, {"outreach.close", Action::CloseOutreachCase, "outreach_case"}, case_of(a, case_id),
      [&](store::Connection& c, Subject<OutreachCase>& oc, AuditRecord& entry) {
        if (oc.record.row.closed_on)
          throw Invalid("outcome", "This case closed on " + domain::date_text(*oc.record.row.closed_on));
        const auto code = trimmed(outcome);
        if (!domain::in_list(domain::outreach_outcomes(), code)) throw Invalid("outcome", "Select how the case ended");
        if (code == "other" && trimmed(note).empty())
          throw Invalid("outcome_note", "Say how the case ended when you select Other");
        store::close_outreach_case(c, case_id, domain::format_date(s.today()), code, trimmed(note));
        entry.detail = nlohmann::json{{"outcome", code}}.dump();
      });
}

Caseload my_caseload(const Services& s, const Actor& a) {
  return run(s, a, {"outreach.caseload", Action::FollowCaseload, "user"},
             [&](store::Connection& c, AuditRecord& entry) {
               Caseload out;
               out.limit = s.settings.outreach_caseload;
               SchoolCalendars calendars(s, c);
               nlohmann::json ids = nlohmann::json::array();
               for (auto& row : store::caseload_of(c, a.user_id)) {
                 ids.push_back(row.pupil_id);
                 out.cases.push_back(entry_of(calendars, s, std::move(row)));
               }
               entry.entity_id = a.user_id;
               entry.detail = nlohmann::json{{"pupil_ids", ids}}.dump();
               return out;
             });
}

AreaOutreach area_outreach(const Services& s, const Actor& a) {
  return run(
      s, a, {"outreach.area", Action::SeeAreaOutreach, "organisation"}, [&](store::Connection& c, AuditRecord& entry) {
        AreaOutreach out;
        out.limit = s.settings.outreach_caseload;
        SchoolCalendars calendars(s, c);
        out.from = domain::format_date(domain::academic_year_start(s.today()));
        nlohmann::json ids = nlohmann::json::array();
        for (auto& row : store::outreach_cases_in_area(c, *a.local_authority_id, out.from)) {
          if (row.closed_on) {
            ++out.closed;
            out.to_placement += row.outcome == "placement";
            out.back_to_school += row.outcome == "back_to_school";
            continue;
          }
          ids.push_back(row.pupil_id);
          auto w = std::find_if(out.workers.begin(), out.workers.end(),
                                [&](const WorkerLoad& l) { return l.worker_id == row.worker_id; });
          if (w == out.workers.end())
            w = out.workers.insert(out.workers.end(), {row.worker_id, row.worker_name, row.worker_organisation, 0});
          ++w->open;
          out.open_cases.push_back(entry_of(calendars, s, std::move(row)));
        }
        std::stable_sort(out.open_cases.begin(), out.open_cases.end(), [](const auto& x, const auto& y) {
          if (x.overdue != y.overdue) return x.overdue;
          return x.next_visit_due.value_or(domain::Date{}) < y.next_visit_due.value_or(domain::Date{});
        });
        std::sort(out.workers.begin(), out.workers.end(),
                  [](const auto& x, const auto& y) { return x.worker_name < y.worker_name; });
        entry.entity_id = *a.local_authority_id;
        entry.detail = nlohmann::json{{"pupil_ids", ids}}.dump();
        return out;
      });
}

}  // namespace waypoint::app
