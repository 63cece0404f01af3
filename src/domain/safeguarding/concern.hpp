#pragma once
// Safeguarding concerns: what may be recorded, and the rules for recording it.
#include <chrono>
#include <string>
#include <vector>

#include "domain/kernel/code_label.hpp"
#include "domain/kernel/field_error.hpp"

namespace waypoint::domain {

// Keeping Children Safe in Education's categories of abuse and the harms schools most often record.
const std::vector<CodeLabel>& concern_categories();

struct ConcernInput {
  std::string category;
  std::string happened_on;  // YYYY-MM-DD
  std::string what_happened;
  std::string action_taken;  // optional: what the person did at the time
};

// A concern needs its category, the day (not in the future) and what was seen or heard, in the
// person's own words; `today` is England's date.
FieldErrors concern_problems(const ConcernInput& in, std::chrono::year_month_day today);

// A follow-up says what was done or decided; it is the only way to add to or correct a concern.
FieldErrors follow_up_problems(const std::string& note);

}  // namespace waypoint::domain
