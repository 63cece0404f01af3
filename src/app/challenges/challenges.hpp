#pragma once
// A route to challenge a provider about a placement: raised by the commissioning school or a parent,
// answered by the provider, settled by whoever raised it or, still open after its date, by the LA,
// whose outcomes are the provider's quality record.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/kernel/actor.hpp"
#include "app/kernel/services.hpp"
#include "domain/challenges/challenge.hpp"
#include "store/challenges/challenge_store.hpp"
#include "store/placements/placement_store.hpp"

namespace waypoint::app {

struct ChallengeStatus {
  store::ChallengeRow row;
  domain::ChallengeState state = domain::ChallengeState::AwaitingAnswer;
};

struct PlacementChallenges {
  store::PlacementRecord placement;
  std::vector<ChallengeStatus> challenges;  // those the actor may read, newest first
  bool can_raise = false;
  domain::Date suggested_answer_by;
};
PlacementChallenges placement_challenges(const Services& s, const Actor& a, std::int64_t placement_id);
std::int64_t raise_challenge(const Services& s, const Actor& a, std::int64_t placement_id,
                             const domain::ChallengeInput& in);

struct ChallengeView {
  ChallengeStatus challenge;
  bool can_answer = false;
  bool can_resolve = false;  // satisfied, or sent on to the LA
  bool can_settle = false;
};
ChallengeView view_challenge(const Services& s, const Actor& a, std::int64_t id);
void answer_challenge(const Services& s, const Actor& a, std::int64_t id, const std::string& answer);
// `step`: "resolved" (satisfied) or "refer" (sent on to the LA).
void resolve_challenge(const Services& s, const Actor& a, std::int64_t id, const std::string& step);
void settle_challenge(const Services& s, const Actor& a, std::int64_t id, const std::string& outcome,
                      const std::string& note);

struct ProviderQuality {
  std::int64_t provider_id = 0;
  std::string provider_name;
  int upheld = 0, partly_upheld = 0, not_upheld = 0, open = 0;
};
struct AreaChallenges {
  std::vector<ChallengeStatus> challenges;  // newest first
  std::vector<ProviderQuality> quality;     // by provider name
};
AreaChallenges area_challenges(const Services& s, const Actor& a);

}  // namespace waypoint::app
