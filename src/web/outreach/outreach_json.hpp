#pragma once
// Outreach cases, visits and sessions as pages and the API show them.
#include <nlohmann/json.hpp>

#include "app/outreach/outreach.hpp"

namespace waypoint::web {

nlohmann::json outreach_case_json(const store::OutreachCaseRow& row);
nlohmann::json caseload_entry_json(const app::CaseloadEntry& e);
nlohmann::json home_visit_json(const store::HomeVisitRow& v);
nlohmann::json outreach_case_view_json(const app::OutreachCaseView& v);
nlohmann::json area_outreach_json(const app::AreaOutreach& v);

}  // namespace waypoint::web
