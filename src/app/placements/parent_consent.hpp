#pragma once
// Consent to a placement made with the parents' agreement: the terms as a parent reads them, their
// answer given in Waypoint (kept with the version of the terms they saw), and every answer the
// school has, including those it recorded from a signed form or a call.
#include <cstdint>
#include <string>
#include <vector>

#include "app/kernel/actor.hpp"
#include "app/kernel/services.hpp"
#include "store/placements/consent_store.hpp"
#include "store/placements/placement_store.hpp"

namespace waypoint::app {

struct ConsentView {
  store::PlacementRecord placement;
  std::vector<std::string> terms;  // as they stand now
  std::string version;
  std::vector<store::ConsentAnswerRow> answers;  // oldest first
  bool can_answer = false;                       // a parent, while the placement waits for consent
};
// Only for a placement that asks for consent: an off-site direction has a notice instead (404).
ConsentView placement_consent(const Services& s, const Actor& a, std::int64_t placement_id);

// A parent gives or refuses consent to the terms they were shown (`version_seen`). Consent lets the
// placement start; a refusal, with why, takes back any consent recorded before it.
void answer_consent(const Services& s, const Actor& a, std::int64_t placement_id, const std::string& answer,
                    const std::string& version_seen, const std::string& comment);

// The terms of `p` as a parent is asked to agree to them, inside a use case.
std::vector<std::string> consent_terms_on(store::Connection& c, const Services& s, const store::PlacementRecord& p);

}  // namespace waypoint::app
