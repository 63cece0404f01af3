#include "app/reports/provider_reports.hpp"

#include <map>
#include <nlohmann/json.hpp>

#include "app/calendar/school_calendars.hpp"
#include "app/kernel/access.hpp"
#include "app/kernel/envelope.hpp"
#include "app/kernel/errors.hpp"
#include "app/kernel/school_news.hpp"
#include "app/placements/placements.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/text.hpp"
#include "store/attendance/attendance_store.hpp"
#include "store/families/family_store.hpp"
#include "store/kernel/mail_store.hpp"
#include "store/progress/progress_store.hpp"
#include "store/pupils/pupil_voice_store.hpp"

namespace waypoint::app {
namespace {

using domain::Action;
using domain::ReportLateness;

// The placement, with whether its school shares the provider's reports with the parents.
auto report_placement_of(const Actor& a, std::int64_t placement_id) {
  return [&a, placement_id](store::Connection& c) {
    auto p = placement_subject(c, a, placement_id);
    if (p) p->scope.reports_shared_with_family = store::report_schedule_of(c, placement_id).to_parents;
    return p;
  };
}

std::optional<ReportDue> due_of(store::ReportScheduleRow row, domain::Date today, SchoolCalendars& calendars) {
  const auto start = domain::parse_date(row.start_date);
  if (!start) return std::nullopt;
  const auto& calendar = calendars.of(row.school_id);
  const auto last = row.last_to ? domain::parse_date(*row.last_to) : std::nullopt;
  const auto period = domain::next_report_period(calendar, row.every, *start, last);
  if (!period) return std::nullopt;
  const auto lateness = domain::report_lateness(calendar, *period, today);
  return ReportDue{std::move(row), *period, lateness};
}

std::optional<ReportDue> due_of_placement(const Services& s, store::Connection& c, const store::PlacementRecord& p) {
  if (!has_status(p, domain::PlacementStatus::Active)) return std::nullopt;
  const auto schedule = store::report_schedule_of(c, p.id);
  const auto sent = store::reports_of(c, p.id);
  store::ReportScheduleRow row{p.id,
                               p.school_id,
                               p.pupil_name,
                               p.provider_name,
                               domain::format_date(placement_start(p)),
                               schedule.every,
                               sent.empty() ? std::nullopt : std::optional(sent.front().period_to)};
  SchoolCalendars calendars(s, c);
  return due_of(std::move(row), s.today(), calendars);
}

domain::ReportFacts facts_of(store::Connection& c, const store::PlacementRecord& p,
                             const domain::ReportPeriod& period) {
  const auto from = domain::format_date(period.from);
  const auto to = domain::format_date(period.to);
  domain::ReportFacts f;
  std::vector<std::string> codes;
  for (const auto& m : store::marks_of_pupil(c, p.pupil_id, from, to))
    if (m.placement_id == p.id) {
      codes.push_back(m.code());
      if (m.mark == "late") ++f.late_sessions;
    }
  f.attendance = domain::summarise_attendance(codes);
  std::map<std::int64_t, std::pair<std::string, std::string>> latest;  // objective -> value, day
  for (const auto& log : store::progress_logs_of_pupil(c, p.pupil_id, from, to, p.provider_id)) {
    if (log.placement_id != p.id) continue;
    f.engagement.push_back(log.engagement);
    if (!domain::trimmed(log.behaviour).empty())
      f.behaviour.push_back(domain::date_text(log.log_date) + ": " + log.behaviour);
    for (const auto& [objective, value] : log.values)
      if (!value.empty() && (!latest.count(objective) || latest[objective].second <= log.log_date))
        latest[objective] = {value, log.log_date};
  }
  for (const auto& i : store::incidents_of_pupil(c, p.pupil_id, from, p.provider_id))
    if (i.placement_id == p.id && i.happened_on <= to)
      f.incidents.push_back(domain::date_text(i.happened_on) + ", " + i.severity + ": " + i.description);
  for (const auto& o : store::agreed_objectives(c, p.id)) {
    const auto found = latest.find(o.id);
    f.objectives.push_back({o.description, o.target + (o.unit.empty() ? "" : " " + o.unit),
                            found == latest.end() ? "" : found->second.first,
                            found == latest.end() ? "" : found->second.second});
  }
  for (const auto& v : store::pupil_voices_of(c, p.pupil_id, from, to)) {
    std::string said = domain::date_text(v.said.answered_on) + ": feels it is going " + v.said.feeling;
    if (!v.said.helps.empty()) said += "; what helps: " + v.said.helps;
    f.pupil_said.push_back(said);
  }
  return f;
}

std::string sections_json(const std::vector<domain::ReportSection>& sections) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& s : sections) out.push_back({{"heading", s.heading}, {"lines", s.lines}});
  return out.dump();
}

// No child's name in the subject: it is read on lock screens and in shared inboxes.
std::string parent_mail(const std::string& provider, const std::string& link) {
  return "Hello,\r\n\r\n" + provider +
         " has sent its report on how your child's placement is going. Sign in to Waypoint to read it:\r\n\r\n" + link +
         "\r\n";
}

}  // namespace

PlacementReports placement_reports(const Services& s, const Actor& a, std::int64_t placement_id) {
  return run(s, a, {"report.list", Action::ReadProviderReports, "placement"}, report_placement_of(a, placement_id),
             [&](store::Connection& c, Subject<store::PlacementRecord>& p, AuditRecord&) {
               PlacementReports v;
               v.placement = p.record;
               v.schedule = store::report_schedule_of(c, placement_id);
               v.sent = store::reports_of(c, placement_id);
               // Each report is read as it was sent: a parent, only those sent while the school shared them.
               std::erase_if(v.sent, [&](const store::ProviderReportRow& r) {
                 auto scope = p.scope;
                 scope.reports_shared_with_family = r.shared_with_parents;
                 return !allowed(a, Action::ReadProviderReports, scope);
               });
               v.next = due_of_placement(s, c, p.record);
               v.can_send = allowed(a, Action::SendProviderReport, p.scope);
               v.can_schedule = allowed(a, Action::ManagePlacement, p.scope);
               return v;
             });
}

ReportDraft draft_provider_report(const Services& s, const Actor& a, std::int64_t placement_id) {
  return run(s, a, {"report.draft", Action::SendProviderReport, "placement"}, report_placement_of(a, placement_id),
             [&](store::Connection& c, Subject<store::PlacementRecord>& p, AuditRecord&) {
               const auto due = due_of_placement(s, c, p.record);
               if (!due || due->lateness == ReportLateness::NotYet)
                 throw Invalid("comment", "No report is due yet: the next can be sent on the last day of its period");
               return ReportDraft{p.record, due->period, domain::draft_report(facts_of(c, p.record, due->period))};
             });
}

std::int64_t send_provider_report(const Services& s, const Actor& a, std::int64_t placement_id,
                                  const std::string& period_to, const std::string& raw_comment) {
  const auto comment = domain::trimmed(raw_comment);
  return run(s, a, {"report.send", Action::SendProviderReport, "provider_report"}, report_placement_of(a, placement_id),
             [&](store::Connection& c, Subject<store::PlacementRecord>& p, AuditRecord& entry) {
               const auto due = due_of_placement(s, c, p.record);
               if (!due || due->lateness == ReportLateness::NotYet)
                 throw Invalid("comment", "No report is due yet: the next can be sent on the last day of its period");
               if (domain::trimmed(period_to) != domain::format_date(due->period.to))
                 throw Invalid("comment", "This report has been sent already. Open the reports page for the next one");
               if (auto errors = domain::report_problems(comment); !errors.empty()) throw Invalid(std::move(errors));
               const auto schedule = store::report_schedule_of(c, placement_id);
               store::ProviderReportRow row;
               row.placement_id = placement_id;
               row.period_from = domain::format_date(due->period.from);
               row.period_to = domain::format_date(due->period.to);
               row.sections = sections_json(domain::draft_report(facts_of(c, p.record, due->period)));
               row.comment = comment;
               row.shared_with_parents = schedule.to_parents;
               row.sent_at = s.now_iso();
               const auto id = store::insert_report(c, row, a.user_id);
               const auto path = "/placements/" + std::to_string(placement_id) + "/reports";
               tell_school(c, s, p.record.school_id, domain::SchoolNews::ProviderReportSent, path);
               if (schedule.to_parents && s.settings.mail_enabled)
                 for (const auto& carer : store::carer_links_of(c, p.record.pupil_id))
                   if (!carer.ended_at)
                     store::queue_mail(c, carer.email, "Waypoint: a report from " + p.record.provider_name,
                                       parent_mail(p.record.provider_name, s.settings.public_url + path), s.now_iso());
               entry.entity_id = id;
               entry.detail = nlohmann::json{{"placement_id", placement_id},
                                             {"period_from", row.period_from},
                                             {"period_to", row.period_to},
                                             {"shared_with_parents", row.shared_with_parents}}
                                  .dump();
               return id;
             });
}

void set_report_schedule(const Services& s, const Actor& a, std::int64_t placement_id, const std::string& raw_every,
                         const std::string& raw_to_parents) {
  const auto every = domain::trimmed(raw_every);
  const auto to_parents = domain::trimmed(raw_to_parents);
  run(s, a, {"report.schedule", Action::ManagePlacement, "placement"}, placement_of(a, placement_id),
      [&](store::Connection& c, Subject<store::PlacementRecord>&, AuditRecord& entry) {
        domain::FieldErrors errors;
        if (!domain::in_list(domain::report_intervals(), every))
          errors.push_back({"report_every", "Select how often the provider reports"});
        if (to_parents != "yes" && to_parents != "no")
          errors.push_back({"reports_to_parents", "Select whether the parents see the reports"});
        if (!errors.empty()) throw Invalid(std::move(errors));
        store::set_report_schedule(c, placement_id, {every, to_parents == "yes"});
        entry.detail = nlohmann::json{{"report_every", every}, {"reports_to_parents", to_parents == "yes"}}.dump();
      });
}

std::vector<ReportDue> reports_to_follow(const Services& s, const Actor& a) {
  if (!allowed(a, Action::FollowProviderReports)) return {};
  const auto provider = domain::own_provider(principal_of(a));
  return run(
      s, a, {"report.due", Action::FollowProviderReports, "placement", false}, [&](store::Connection& c, AuditRecord&) {
        std::vector<ReportDue> out;
        SchoolCalendars calendars(s, c);
        const auto rows = provider ? store::report_schedule_of_provider(c, *provider)
                                   : store::report_schedule_of_commissioner(c, a.organisation_id);
        for (auto row : rows) {
          auto due = due_of(std::move(row), s.today(), calendars);
          if (!due) continue;
          // The provider sees its reports from the day they can be sent; the school once it is told.
          const bool shown =
              provider ? due->lateness != ReportLateness::NotYet : due->lateness == ReportLateness::LateWithSchool;
          if (shown) out.push_back(std::move(*due));
        }
        return out;
      });
}

std::vector<store::ProviderReportRow> reports_since(store::Connection& c, const Actor& a, std::int64_t placement_id,
                                                    const std::string& from) {
  const auto p = report_placement_of(a, placement_id)(c);
  if (!p || !allowed(a, Action::ReadProviderReports, p->scope)) return {};
  return store::reports_of(c, placement_id, from);
}

}  // namespace waypoint::app
