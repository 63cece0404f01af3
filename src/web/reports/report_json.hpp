#pragma once
// The provider's reports as pages and the API show them, and as the home page lists those due.
#include <nlohmann/json.hpp>

#include "app/reports/provider_reports.hpp"

namespace waypoint::web {

nlohmann::json report_json(const store::ProviderReportRow& r);
nlohmann::json report_due_json(const app::ReportDue& d);
nlohmann::json reports_json(const std::vector<store::ProviderReportRow>& rows);

}  // namespace waypoint::web
