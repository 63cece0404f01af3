#pragma once
// One shape for outcomes in pages and in the API: each figure with its value as people read it
// and the placements behind it, the whole scope's and each school's and provider's; and the
// pupils behind one figure.
#include <nlohmann/json_fwd.hpp>

#include "app/outcomes/outcomes.hpp"

namespace waypoint::web {

nlohmann::json figure_json(const domain::Figure& f);
// {from, from_text, to, to_text, scope, figures, by_provider, by_school}
nlohmann::json outcomes_json(const app::OutcomesView& v);
// {figure, from, from_text, to, to_text, placements: [...]}
nlohmann::json figure_pupils_json(const app::FigurePupils& f);

}  // namespace waypoint::web
