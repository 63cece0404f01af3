#include "domain/providers/registration_threshold.hpp"

#include <map>

namespace waypoint::domain {

ThresholdRule threshold_rule_on(std::chrono::year_month_day day, const ThresholdSettings& settings) {
  using std::chrono::sys_days;
  if (settings.cws_act_in_force_from && sys_days(day) >= sys_days(*settings.cws_act_in_force_from))
    return {"Children's Wellbeing and Schools Act 2026 s.43", settings.cws_act_full_time_over_minutes, 5, true};
  return {};
}

bool counts_alone(const TaughtPupil& pupil, const ThresholdRule& rule) {
  return pupil.looked_after || pupil.ehc_plan || (rule.any_sen && pupil.sen);
}

ThresholdResult registration_threshold(const std::vector<TaughtPupil>& taught, const ThresholdRule& rule) {
  struct PerPupil {
    int minutes = 0;
    bool vulnerable = false;
  };
  std::map<std::int64_t, PerPupil> pupils;
  for (const auto& t : taught) {
    if (!t.compulsory_school_age) continue;  // the rule is about children of compulsory school age
    auto& x = pupils[t.pupil_id];
    x.minutes += t.minutes_per_week;
    x.vulnerable = x.vulnerable || counts_alone(t, rule);
  }
  ThresholdResult r;
  for (const auto& [id, x] : pupils) {
    if (x.minutes <= rule.full_time_over_minutes) continue;
    ++r.full_time_pupils;
    if (x.vulnerable) ++r.full_time_looked_after_or_ehc;
  }
  const auto hours =
      std::to_string(rule.full_time_over_minutes / 60) +
      (rule.full_time_over_minutes % 60 ? " hours " + std::to_string(rule.full_time_over_minutes % 60) + " minutes"
                                        : " hours");
  if (r.full_time_pupils >= rule.pupils) {
    r.must_register = true;
    r.reason = std::to_string(r.full_time_pupils) + " pupils are taught here for more than " + hours + " a week";
  } else if (r.full_time_looked_after_or_ehc > 0) {
    r.must_register = true;
    r.reason = std::string("A pupil who is looked after or has ") +
               (rule.any_sen ? "special educational needs" : "an EHC plan") + " is taught here for more than " + hours +
               " a week";
  }
  if (r.must_register) r.reason += " (" + std::string(rule.law) + ")";
  return r;
}

bool crosses_threshold(const std::vector<TaughtPupil>& current, const std::vector<TaughtPupil>& proposed,
                       const ThresholdRule& rule) {
  auto after = current;
  after.insert(after.end(), proposed.begin(), proposed.end());
  return !registration_threshold(current, rule).must_register && registration_threshold(after, rule).must_register;
}

}  // namespace waypoint::domain
