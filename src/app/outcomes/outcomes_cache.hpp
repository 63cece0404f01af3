#pragma once
// An LA's outcomes over a period, kept between requests. At national size an area's figures read
// hundreds of placements with their sessions, baselines and checks, 7 ms of the machine a request
// and the same figures every time until one of those changes: they are kept labelled with what
// everything they read stood at (store::outcomes_revision) and used while that stands.
#include <cstdint>

#include "app/kernel/kept_while_revised.hpp"
#include "app/outcomes/outcomes.hpp"
#include "store/outcomes/outcome_store.hpp"

namespace waypoint::app {

struct AreaPeriod {
  std::int64_t la_id = 0;
  domain::Date from, to;
  bool operator==(const AreaPeriod&) const = default;
};

// Each period kept is an area's placements and what each came to, under a KB a placement (an area
// has 400 to 2,000 in a year); officers mostly look at the year to date.
class OutcomesCache : public KeptWhileRevised<AreaPeriod, store::OutcomesRevision, OutcomesView> {
 public:
  OutcomesCache() : KeptWhileRevised(32) {}
};

}  // namespace waypoint::app
