#include "app/progress/progress.hpp"

#include <nlohmann/json.hpp>

#include "app/alerts/alerts.hpp"
#include "app/kernel/errors.hpp"
#include "app/placements/placements.hpp"
#include "app/pupils/pupil_scope.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/text.hpp"
#include "domain/placements/placement.hpp"

namespace waypoint::app {
namespace {

// A use case of the provider on one of its running placements, audited as `name`.
template <class Work>
auto on_own_active(const Services& s, const Actor& a, const std::string& name, std::int64_t placement_id, Work work) {
  return run(s, a, {name, domain::Action::LogProgress, "placement"}, placement_of(a, placement_id),
             [&](store::Connection& c, Subject<store::PlacementRecord>& p, AuditRecord& entry) {
               if (!has_status(p.record, domain::PlacementStatus::Active))
                 throw Invalid("date", "Progress is logged while the placement is running");
               return work(c, p.record, entry);
             });
}

}  // namespace

ProgressForm progress_form(const Services& s, const Actor& a, std::int64_t placement_id) {
  return on_own_active(
      s, a, "placement.view", placement_id, [&](store::Connection& c, store::PlacementRecord& p, AuditRecord&) {
        ProgressForm f;
        f.placement = p;
        f.objectives = store::agreed_objectives(c, placement_id);
        const auto from = std::chrono::year_month_day{std::chrono::sys_days(s.today()) - std::chrono::days(365)};
        auto logs = store::progress_logs_of_pupil(c, f.placement.pupil_id, domain::format_date(from),
                                                  domain::format_date(s.today()), a.organisation_id);
        std::erase_if(logs, [&](const auto& l) { return l.placement_id != placement_id; });
        for (auto it = logs.rbegin(); it != logs.rend() && f.recent.size() < 20; ++it) f.recent.push_back(*it);
        return f;
      });
}

void log_progress(const Services& s, const Actor& a, std::int64_t placement_id, const domain::ProgressInput& in) {
  on_own_active(
      s, a, "progress.log", placement_id, [&](store::Connection& c, store::PlacementRecord& p, AuditRecord& entry) {
        const auto objectives = store::agreed_objectives(c, placement_id);
        // Only the agreed plan's objectives take values, in the plan's order (the order of the form).
        auto input = in;
        input.values.clear();
        for (const auto& o : objectives)
          for (const auto& v : in.values)
            if (v.objective_id == o.id) input.values.push_back(v);
        if (auto errors = domain::progress_problems(input, s.today(), placement_start(p)); !errors.empty())
          throw Invalid(std::move(errors));
        store::ProgressLogRow row;
        row.pupil_id = p.pupil_id;
        row.placement_id = p.id;
        row.provider_id = p.provider_id;
        row.log_date = domain::trimmed(input.date);
        row.period = domain::trimmed(input.period);
        row.engagement = std::stoi(domain::trimmed(input.engagement));
        row.behaviour = domain::trimmed(input.behaviour);
        row.wellbeing = domain::trimmed(input.wellbeing);
        row.work_covered = domain::trimmed(input.work_covered);
        for (const auto& v : input.values)  // checked above: each is blank or a number
          if (!domain::trimmed(v.value).empty()) row.values.emplace_back(v.objective_id, domain::trimmed(v.value));
        const auto id = store::save_progress_log(c, row, a.user_id, s.now_iso());
        entry.entity = "progress_log";
        entry.entity_id = id;
        entry.detail =
            nlohmann::json{{"date", row.log_date}, {"period", row.period}, {"engagement", row.engagement}}.dump();
      });
}

void log_incident(const Services& s, const Actor& a, std::int64_t placement_id, const domain::IncidentInput& in) {
  on_own_active(
      s, a, "incident.log", placement_id, [&](store::Connection& c, store::PlacementRecord& p, AuditRecord& entry) {
        if (auto errors = domain::incident_problems(in, s.today(), placement_start(p)); !errors.empty())
          throw Invalid(std::move(errors));
        store::IncidentRow row;
        row.pupil_id = p.pupil_id;
        row.placement_id = p.id;
        row.provider_id = p.provider_id;
        row.happened_on = domain::trimmed(in.date);
        row.severity = domain::trimmed(in.severity);
        row.description = domain::trimmed(in.description);
        row.action_taken = domain::trimmed(in.action_taken);
        const auto id = store::insert_incident(c, row, a.user_id, s.now_iso());
        entry.entity = "incident";
        entry.entity_id = id;
        entry.detail = nlohmann::json{{"severity", row.severity}}.dump();
        if (row.severity != "high") return;
        auto alert =
            alert_for_dsl("serious_incident", p.pupil_id, p.school_id, row.happened_on, "day", std::to_string(id));
        alert.provider_id = p.provider_id;
        alert.summary = p.pupil_name + " was involved in a serious incident at " + p.provider_name + " on " +
                        row.happened_on + ": " + row.description;
        raise_alert(c, s, &a, alert, nlohmann::json{{"incident_id", id}});
      });
}

namespace {

// A year of logs to today; a provider reads only its own.
struct LogsRead {
  std::string from, to;
  std::optional<std::int64_t> provider;
};
LogsRead logs_read(const Services& s, const Actor& a) {
  return {domain::format_date(std::chrono::sys_days(s.today()) - std::chrono::days(365)),
          domain::format_date(s.today()), domain::own_provider(principal_of(a))};
}

template <typename Log>
std::vector<domain::WeekEngagement> weeks_of(const std::vector<Log>& logs) {
  std::vector<domain::DatedEngagement> dated;
  for (const auto& l : logs)
    if (const auto d = domain::parse_date(l.log_date)) dated.push_back({*d, l.engagement});
  return domain::weekly_engagement(dated);
}

}  // namespace

PupilProgress pupil_progress(const Services& s, const Actor& a, std::int64_t pupil_id) {
  return run(s, a, {"pupil.view", domain::Action::ViewPupil, "pupil"}, pupil_of(a, pupil_id),
             [&](store::Connection& c, Subject<domain::Pupil>&, AuditRecord&) {
               const auto r = logs_read(s, a);
               PupilProgress v;
               store::ProgressLogsRead logs;
               auto reads = store::progress_logs_of_pupil_reads(pupil_id, r.from, r.to, r.provider, logs);
               reads.push_back(store::incidents_of_pupil_read(pupil_id, r.from, r.provider, v.incidents));
               c.each_row_together(reads);
               v.logs = store::logs_with_values(std::move(logs));
               v.weeks = weeks_of(v.logs);
               return v;
             });
}

ProgressTrend progress_trend_of(store::Connection& c, const Services& s, const Actor& a, std::int64_t pupil_id,
                                std::vector<store::Read> also) {
  const auto r = logs_read(s, a);
  ProgressTrend v;
  std::vector<store::LoggedEngagement> logs;
  also.push_back(store::engagement_of_pupil_read(pupil_id, r.from, r.to, r.provider, logs));
  also.push_back(store::incidents_of_pupil_read(pupil_id, r.from, r.provider, v.incidents));
  c.each_row_together(also);
  v.weeks = weeks_of(logs);
  return v;
}

}  // namespace waypoint::app
