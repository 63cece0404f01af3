#pragma once
// One shape for pupils and their contacts in pages and in the API.
#include <chrono>
#include <nlohmann/json_fwd.hpp>

#include "domain/pupils/pupil.hpp"

namespace waypoint::web {

nlohmann::json pupil_json(const domain::Pupil& p, std::chrono::year_month_day today);
nlohmann::json contact_json(const domain::PupilContact& c);

}  // namespace waypoint::web
