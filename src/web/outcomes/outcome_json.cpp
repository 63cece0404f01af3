#include "web/outcomes/outcome_json.hpp"

#include <nlohmann/json.hpp>

#include "domain/kernel/calendar_date.hpp"
#include "domain/reintegration/reintegration.hpp"
#include "web/kernel/json_value.hpp"

namespace waypoint::web {
namespace {

nlohmann::json groups_json(const app::OutcomesView& v, const std::vector<app::GroupOutcomes>& all) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& g : all) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& f : app::group_figures(v, g)) list.push_back(figure_json(f));
    out.push_back({{"id", g.id}, {"name", g.name}, {"figures", std::move(list)}});
  }
  return out;
}

void add_period(nlohmann::json& out, const app::OutcomesView& v) {
  const auto from = domain::format_date(v.from), to = domain::format_date(v.to);
  out["from"] = from;
  out["from_text"] = domain::date_text(from);
  out["to"] = to;
  out["to_text"] = domain::date_text(to);
}

}  // namespace

nlohmann::json figure_json(const domain::Figure& f, OutcomeDetail detail) {
  nlohmann::json out{{"key", f.key},
                     {"label", f.label},
                     {"value", f.value},
                     {"amount", json_or_null(f.amount)},
                     {"pupils", f.placement_ids.size()}};
  if (detail == OutcomeDetail::Full) out["placement_ids"] = f.placement_ids;
  return out;
}

nlohmann::json outcomes_json(const app::OutcomesView& v, OutcomeDetail detail) {
  nlohmann::json figures = nlohmann::json::array();
  for (const auto& f : v.figures) figures.push_back(figure_json(f, detail));
  nlohmann::json out{{"scope", v.scope_name}, {"figures", std::move(figures)}};
  if (detail == OutcomeDetail::Full) {
    out["by_provider"] = groups_json(v, v.by_provider);
    out["by_school"] = groups_json(v, v.by_school);
  }
  add_period(out, v);
  return out;
}

nlohmann::json figure_pupils_json(const app::FigurePupils& f, std::span<const store::OutcomeRow> shown,
                                  OutcomeDetail detail) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& p : shown)
    rows.push_back({{"placement_id", p.placement_id},
                    {"pupil_id", p.pupil_id},
                    {"pupil_name", p.pupil_name},
                    {"school_name", p.school_name},
                    {"provider_name", p.provider_name},
                    {"started", p.started},
                    {"started_text", domain::date_text(p.started)},
                    {"ended_on", json_or_null(p.ended_on)},
                    {"ended_on_text", domain::date_text(p.ended_on.value_or(""))},
                    {"destination", p.destination},
                    {"destination_label", p.destination.empty()
                                              ? std::string()
                                              : std::string(domain::label_of(domain::destinations(), p.destination))}});
  nlohmann::json out{{"figure", figure_json(f.figure, detail)}, {"placements", std::move(rows)}};
  add_period(out, *f.outcomes);
  return out;
}

}  // namespace waypoint::web
