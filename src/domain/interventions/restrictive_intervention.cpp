#include "domain/interventions/restrictive_intervention.hpp"

#include <algorithm>
#include <cstdio>

#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/numbers.hpp"
#include "domain/kernel/text.hpp"
#include "domain/placements/timetable.hpp"

namespace waypoint::domain {

const std::vector<CodeLabel>& intervention_kinds() {
  static const std::vector<CodeLabel> list{{"physical_restraint", "Physical restraint"},
                                           {"other_force", "Other reasonable force, like guiding or escorting"},
                                           {"seclusion", "Seclusion"}};
  return list;
}

const std::vector<CodeLabel>& intervention_reasons() {
  static const std::vector<CodeLabel> list{{"injury_to_self", "To stop the pupil injuring themselves"},
                                           {"injury_to_others", "To stop the pupil injuring someone else"},
                                           {"damage", "To stop serious damage to property"},
                                           {"offence", "To stop an offence"},
                                           {"disorder", "To keep good order when it was seriously at risk"}};
  return list;
}

FieldErrors intervention_problems(const InterventionInput& in, std::chrono::year_month_day today) {
  using std::chrono::days;
  using std::chrono::sys_days;
  FieldErrors e;
  const auto date = parse_date(trimmed(in.date));
  if (!date)
    e.push_back({"date", "Enter the date it happened as a real date"});
  else if (sys_days(*date) > sys_days(today))
    e.push_back({"date", "The date it happened must be today or in the past"});
  else if (sys_days(*date) < sys_days(today) - days(366))
    e.push_back({"date", "The date it happened must be within the last year"});
  if (!parse_clock(trimmed(in.time))) e.push_back({"time", "Enter the time it started, like 13:45"});
  const auto required = [&](const std::string& value, const char* field, const char* message) {
    if (trimmed(value).empty()) e.push_back({field, message});
  };
  required(in.place, "place", "Say where it happened");
  required(in.staff, "staff", "Name the staff involved");
  required(in.led_up_to, "led_up_to", "Say what led up to it");
  required(in.de_escalation, "de_escalation", "Say what was tried to calm things first");
  if (!in_list(intervention_kinds(), trimmed(in.kind))) e.push_back({"kind", "Select the kind of intervention"});
  const auto minutes = parse_whole_number(trimmed(in.minutes));
  if (!minutes || *minutes < 1 || *minutes > 240)
    e.push_back({"minutes", "Enter how long it lasted in whole minutes, from 1 to 240"});
  if (!in_list(intervention_reasons(), trimmed(in.reason))) e.push_back({"reason", "Select why it was needed"});
  required(in.injuries, "injuries", "Say whether anyone was injured, and how: write None if nobody was");
  required(in.support_afterwards, "support_afterwards", "Say what support the pupil was given afterwards");
  return e;
}

std::vector<std::string> trend_months(std::chrono::year_month_day today, int months) {
  std::vector<std::string> out;
  const std::chrono::year_month first =
      std::chrono::year_month(today.year(), today.month()) - std::chrono::months(months - 1);
  for (int i = 0; i < months; ++i) {
    const auto ym = first + std::chrono::months(i);
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u", static_cast<int>(ym.year()), static_cast<unsigned>(ym.month()));
    out.push_back(text);
  }
  return out;
}

std::vector<ProviderTrend> intervention_trend(const std::vector<InterventionCount>& counts,
                                              const std::vector<std::string>& months) {
  std::map<std::string, ProviderTrend> by;
  for (const auto& c : counts) {
    const auto at = std::find(months.begin(), months.end(), c.month);
    if (at == months.end()) continue;
    auto& t = by[c.provider];
    if (t.counts.empty()) t = {c.provider, std::vector<int>(months.size(), 0), 0};
    t.counts[static_cast<std::size_t>(at - months.begin())] += c.count;
    t.total += c.count;
  }
  std::vector<ProviderTrend> out;
  for (auto& [name, t] : by) out.push_back(std::move(t));
  std::stable_sort(out.begin(), out.end(),
                   [](const ProviderTrend& x, const ProviderTrend& y) { return x.total > y.total; });
  return out;
}

}  // namespace waypoint::domain
