#pragma once
// Restrictive interventions: every significant use of force, restraint or seclusion on a pupil,
// recorded with the items schools must record and report to parents since April 2026 (who was
// involved, the pupil's SEN status, when and where, what led to it, de-escalation tried, the kind and
// length of the intervention, why it was needed, injuries, and support afterwards).
#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "domain/kernel/code_label.hpp"
#include "domain/kernel/field_error.hpp"

namespace waypoint::domain {

// physical_restraint, other_force (guiding or escorting), seclusion.
const std::vector<CodeLabel>& intervention_kinds();
// Why it was needed, as the law allows force: to prevent injury to the pupil or others, serious
// damage to property, an offence, or serious disruption of good order.
const std::vector<CodeLabel>& intervention_reasons();

struct InterventionInput {
  std::string date;       // YYYY-MM-DD
  std::string time;       // HH:MM
  std::string place;      // where it happened
  std::string staff;      // the staff involved, by name
  std::string led_up_to;  // what led up to it
  std::string de_escalation;
  std::string kind;
  std::string minutes;  // how long it lasted
  std::string reason;   // an intervention_reasons() code
  std::string reason_detail;
  std::string injuries;  // "None" is an answer; blank is not
  std::string support_afterwards;
};

// Every item the record needs, each named by its field; the date no later than today and no earlier
// than a year ago (a record is made as soon as practicable), the length 1 to 240 minutes.
FieldErrors intervention_problems(const InterventionInput& in, std::chrono::year_month_day today);

// The LA's trend: interventions a provider recorded each month.
struct InterventionCount {
  std::string provider;  // who recorded it: a provider, or a school itself
  std::string month;     // YYYY-MM
  int count = 0;
};
struct ProviderTrend {
  std::string provider;
  std::vector<int> counts;  // one a month, oldest first
  int total = 0;
};
// The last `months` months up to `today`'s, oldest first, and each recorder's counts in them; the
// busiest first.
std::vector<std::string> trend_months(std::chrono::year_month_day today, int months);
std::vector<ProviderTrend> intervention_trend(const std::vector<InterventionCount>& counts,
                                              const std::vector<std::string>& months);

}  // namespace waypoint::domain
