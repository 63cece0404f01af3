#pragma once
// One shape for outcomes in pages and in the API: each figure with its value as people read it
// and the placements behind it, the whole scope's and each school's and provider's; and the
// pupils behind one figure.
#include <nlohmann/json_fwd.hpp>
#include <span>

#include "app/outcomes/outcomes.hpp"

namespace waypoint::web {

// Full: every figure with the ids of the placements behind it, the scope's and each school's and
// provider's (the API). Summary: the scope's figures with how many pupils are behind each, for a
// page whose per-school and per-provider tables show values only; an LA's full shape is large.
enum class OutcomeDetail { Full, Summary };

nlohmann::json figure_json(const domain::Figure& f, OutcomeDetail detail = OutcomeDetail::Full);
// {from, from_text, to, to_text, scope, figures, by_provider, by_school (Full only)}
nlohmann::json outcomes_json(const app::OutcomesView& v, OutcomeDetail detail = OutcomeDetail::Full);
// {figure, from, from_text, to, to_text, placements: [...]}, the placements being `rows`: all of
// f.rows (the API) or one page of them.
nlohmann::json figure_pupils_json(const app::FigurePupils& f, std::span<const store::OutcomeRow> rows,
                                  OutcomeDetail detail = OutcomeDetail::Full);

}  // namespace waypoint::web
