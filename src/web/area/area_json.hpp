#pragma once
// The LA's picture of its area as the pages and the API show it.
#include <nlohmann/json.hpp>
#include <string>

#include "app/area/area.hpp"

namespace waypoint::web {

// The filters as a query string ("from=...&to=...&school=..."), for links that keep them.
std::string area_query(const app::AreaView& v);
// Groups of figures, attendance by provider and by school, the period and the filters.
nlohmann::json area_json(const app::AreaView& v);
// One figure's children: pupil, school, provider and dates.
nlohmann::json area_lines_json(const std::vector<app::AreaLine>& lines);

}  // namespace waypoint::web
