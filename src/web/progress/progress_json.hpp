#pragma once
// One shape for progress logs, incidents and the weekly engagement trend in pages and in the API:
// the recorded values, and beside them their labels and dates as people read them.
#include <nlohmann/json_fwd.hpp>

#include "app/progress/progress.hpp"

namespace waypoint::web {

nlohmann::json progress_log_json(const store::ProgressLogRow& l);
nlohmann::json incident_json(const store::IncidentRow& i);
nlohmann::json engagement_week_json(const domain::WeekEngagement& w);
// {logs, incidents, weeks}
nlohmann::json pupil_progress_json(const app::PupilProgress& v);

}  // namespace waypoint::web
