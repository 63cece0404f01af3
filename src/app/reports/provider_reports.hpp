#pragma once
// The provider's regular report on a placement: drafted by Waypoint from the period's records, sent
// by the provider with its comment, received by the school (and the parents, when the school shares
// them) in Waypoint and by e-mail, and flagged when late: to the provider, then to the school.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/kernel/actor.hpp"
#include "app/kernel/services.hpp"
#include "domain/reports/provider_report.hpp"
#include "store/placements/placement_store.hpp"
#include "store/reports/report_store.hpp"

namespace waypoint::app {

struct ReportDue {
  store::ReportScheduleRow placement;
  domain::ReportPeriod period;
  domain::ReportLateness lateness = domain::ReportLateness::NotYet;
};

struct PlacementReports {
  store::PlacementRecord placement;
  store::ReportSchedule schedule;
  std::vector<store::ProviderReportRow> sent;  // newest first
  std::optional<ReportDue> next;               // while the placement runs
  bool can_send = false;
  bool can_schedule = false;  // the commissioner sets the interval and whether parents see them
};
PlacementReports placement_reports(const Services& s, const Actor& a, std::int64_t placement_id);

struct ReportDraft {
  store::PlacementRecord placement;
  domain::ReportPeriod period;
  std::vector<domain::ReportSection> sections;
};
// The draft of the period due now, from what was recorded in it.
ReportDraft draft_provider_report(const Services& s, const Actor& a, std::int64_t placement_id);
// Sends the report of the period ending `period_to` (the one due now) with the provider's comment.
std::int64_t send_provider_report(const Services& s, const Actor& a, std::int64_t placement_id,
                                  const std::string& period_to, const std::string& comment);
// `every`: a code of domain::report_intervals(); `to_parents`: "yes" or "no".
void set_report_schedule(const Services& s, const Actor& a, std::int64_t placement_id, const std::string& every,
                         const std::string& to_parents);

// For the home page: a provider's reports ready or late; a school's reports late enough to be told.
std::vector<ReportDue> reports_to_follow(const Services& s, const Actor& a);

// Inside a use case on a review: the reports sent for the placement since `from`, if the actor may read them.
std::vector<store::ProviderReportRow> reports_since(store::Connection& c, const Actor& a, std::int64_t placement_id,
                                                    const std::string& from);

}  // namespace waypoint::app
