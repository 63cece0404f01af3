#pragma once
// Outcome figures for the actor's scope over a period: a school's pupils, an LA's area, or a
// provider's own placements; and per provider within it. Each figure leads to the pupils behind it.
#include <cstdint>
#include <string>
#include <vector>

#include "app/kernel/actor.hpp"
#include "app/kernel/services.hpp"
#include "domain/outcomes/outcomes.hpp"
#include "store/outcomes/outcome_store.hpp"

namespace waypoint::app {

// The same figures for part of the scope: one provider, or one school of an LA's area.
struct GroupOutcomes {
  std::int64_t id = 0;
  std::string name;
  std::vector<domain::Figure> figures;
};

struct OutcomesView {
  domain::Date from, to;
  std::string scope_name;
  std::vector<domain::Figure> figures;
  std::vector<GroupOutcomes> by_provider;     // for a school or an LA, by name
  std::vector<GroupOutcomes> by_school;       // for an LA, by name
  std::vector<store::OutcomeRow> placements;  // every placement the figures read
};
// `from` and `to` as typed; blank: the academic year to date. Refuses a bad date naming the field.
OutcomesView view_outcomes(const Services& s, const Actor& a, const std::string& from, const std::string& to);

struct FigurePupils {
  OutcomesView outcomes;
  domain::Figure figure;
  std::vector<store::OutcomeRow> rows;  // the placements behind the figure
};
// The pupils behind one figure (by its key); the read of their names is audited.
FigurePupils pupils_behind(const Services& s, const Actor& a, const std::string& from, const std::string& to,
                           const std::string& key);

}  // namespace waypoint::app
