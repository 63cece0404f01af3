#include "web/progress/progress_json.hpp"

#include <nlohmann/json.hpp>

#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/numbers.hpp"

namespace waypoint::web {

nlohmann::json progress_log_json(const store::ProgressLogRow& l) {
  nlohmann::json values = nlohmann::json::array();
  for (const auto& [objective, value] : l.values) values.push_back({{"objective_id", objective}, {"value", value}});
  return {
      {"date", l.log_date},
      {"date_text", domain::date_text(l.log_date)},
      {"period", l.period},
      {"period_label", std::string(domain::label_of(domain::log_periods(), l.period))},
      {"provider_id", l.provider_id},
      {"provider_name", l.provider_name},
      {"engagement", l.engagement},
      {"engagement_label", std::string(domain::label_of(domain::engagement_levels(), std::to_string(l.engagement)))},
      {"behaviour", l.behaviour},
      {"wellbeing", l.wellbeing},
      {"work_covered", l.work_covered},
      {"logged_by", l.logged_by},
      {"values", std::move(values)}};
}

nlohmann::json incident_json(const store::IncidentRow& i) {
  return {{"id", i.id},
          {"date", i.happened_on},
          {"date_text", domain::date_text(i.happened_on)},
          {"severity", i.severity},
          {"severity_label", std::string(domain::label_of(domain::incident_severities(), i.severity))},
          {"high", i.severity == "high"},
          {"provider_id", i.provider_id},
          {"provider_name", i.provider_name},
          {"description", i.description},
          {"action_taken", i.action_taken}};
}

nlohmann::json engagement_week_json(const domain::WeekEngagement& w) {
  const auto monday = domain::format_date(w.monday);
  return {{"week_of", monday},
          {"week_of_text", domain::date_text(monday)},
          {"mean_engagement", w.mean},
          {"mean_text", domain::one_decimal(w.mean)},
          {"logs", w.logs}};
}

nlohmann::json pupil_progress_json(const app::PupilProgress& v) {
  nlohmann::json logs = nlohmann::json::array(), incidents = nlohmann::json::array(), weeks = nlohmann::json::array();
  for (const auto& l : v.logs) logs.push_back(progress_log_json(l));
  for (const auto& i : v.incidents) incidents.push_back(incident_json(i));
  for (const auto& w : v.weeks) weeks.push_back(engagement_week_json(w));
  return {{"logs", std::move(logs)}, {"incidents", std::move(incidents)}, {"weeks", std::move(weeks)}};
}

}  // namespace waypoint::web
