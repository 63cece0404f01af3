#pragma once
// Outcome figures for the actor's scope over a period: a school's pupils, an LA's area, or a
// provider's own placements; and per provider within it. Each figure leads to the pupils behind it.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "app/kernel/actor.hpp"
#include "app/kernel/services.hpp"
#include "domain/outcomes/outcomes.hpp"
#include "store/outcomes/outcome_store.hpp"

namespace waypoint::app {

// Part of the scope: one provider, or one school of an LA's area. Its figures are worked out when
// asked for (group_figures): a page shows 25 groups of an area's hundreds.
struct GroupOutcomes {
  std::int64_t id = 0;
  std::string name;
  std::vector<std::size_t> members;  // its placements, as places in OutcomesView::cohort
};

struct OutcomesView {
  domain::Date from, to;
  std::string scope_name;
  std::vector<domain::Figure> figures;
  std::vector<GroupOutcomes> by_provider;        // for a school or an LA, by name
  std::vector<GroupOutcomes> by_school;          // for an LA, by name
  std::vector<store::OutcomeRow> placements;     // every placement the figures read
  std::vector<domain::PlacementOutcome> cohort;  // what each of them came to, in the same order
};
// The scope's figures again for one of its groups.
std::vector<domain::Figure> group_figures(const OutcomesView& v, const GroupOutcomes& g);
// `from` and `to` as typed; blank: the academic year to date. Refuses a bad date naming the field.
// Shared, not copied: a server may keep an area's (OutcomesCache) and give it to many requests.
std::shared_ptr<const OutcomesView> view_outcomes(const Services& s, const Actor& a, const std::string& from,
                                                  const std::string& to);

struct FigurePupils {
  std::shared_ptr<const OutcomesView> outcomes;
  domain::Figure figure;
  std::vector<store::OutcomeRow> rows;  // the placements behind the figure
};
// The pupils behind one figure (by its key); the read of their names is audited.
FigurePupils pupils_behind(const Services& s, const Actor& a, const std::string& from, const std::string& to,
                           const std::string& key);

}  // namespace waypoint::app
