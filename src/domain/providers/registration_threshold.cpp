#include "domain/providers/registration_threshold.hpp"

#include <map>

namespace waypoint::domain {

ThresholdResult registration_threshold(const std::vector<TaughtPupil>& taught, const ThresholdPolicy& p) {
  struct PerPupil {
    int minutes = 0;
    bool vulnerable = false;
  };
  std::map<std::int64_t, PerPupil> pupils;
  for (const auto& t : taught) {
    auto& x = pupils[t.pupil_id];
    x.minutes += t.minutes_per_week;
    x.vulnerable = x.vulnerable || t.looked_after || t.ehc_plan;
  }
  ThresholdResult r;
  for (const auto& [id, x] : pupils) {
    if (x.minutes <= p.full_time_over_minutes) continue;
    ++r.full_time_pupils;
    if (x.vulnerable) ++r.full_time_looked_after_or_ehc;
  }
  if (r.full_time_pupils >= p.pupils) {
    r.must_register = true;
    r.reason = std::to_string(r.full_time_pupils) + " pupils are taught here for more than " +
               std::to_string(p.full_time_over_minutes / 60) + " hours a week";
  } else if (r.full_time_looked_after_or_ehc > 0) {
    r.must_register = true;
    r.reason = "A pupil who is looked after or has an EHC plan is taught here for more than " +
               std::to_string(p.full_time_over_minutes / 60) + " hours a week";
  }
  return r;
}

bool crosses_threshold(const std::vector<TaughtPupil>& current, const std::vector<TaughtPupil>& proposed,
                       const ThresholdPolicy& p) {
  auto after = current;
  after.insert(after.end(), proposed.begin(), proposed.end());
  return !registration_threshold(current, p).must_register && registration_threshold(after, p).must_register;
}

}  // namespace waypoint::domain
