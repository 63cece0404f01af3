#pragma once
// A personalised plan: what the placement is to achieve, measured from a baseline, and how it is
// watched. Versions: a draft may change; an agreed version never does.
#include <chrono>
#include <string>
#include <vector>

#include "domain/kernel/code_label.hpp"
#include "domain/kernel/field_error.hpp"

namespace waypoint::domain {

const std::vector<CodeLabel>& objective_areas();

struct Objective {
  std::string area, description, baseline_value, baseline_date, baseline_source, target, measure, unit, target_date,
      responsible;
  bool is_blank() const;
};

struct Plan {
  std::vector<Objective> objectives;
  std::string monitoring;      // how progress is assessed and watched
  std::string curriculum_fit;  // how it fits the pupil's curriculum and qualifications
  std::string ehc_outcomes;    // the EHC plan outcomes it serves, for a pupil with one
  std::string pupil_views;
  std::string parent_views;
};

// Rules for any saved draft: each objective row that is not blank is complete and dated sensibly.
// Fields are named objective_<n>_<part>, counting from 1.
FieldErrors plan_problems(const Plan& p);
// More to agree it: at least one objective, the monitoring, the curriculum fit, the link to the EHC
// plan where there is one, and the pupil's and parents' views.
FieldErrors agreement_problems(const Plan& p, bool pupil_has_ehc_plan);

}  // namespace waypoint::domain
