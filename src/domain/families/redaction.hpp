#pragma once
// Withholding other people's names from a copy of a child's record before it is released: the data
// protection lead chooses, from the people the copy names, whom the requester should not learn
// about (a carer who has left, a member of the public who reported a worry), and every mention of
// them is replaced. Pure rules; the use case makes the copy.
#include <string>
#include <string_view>
#include <vector>

#include "domain/kernel/field_error.hpp"

namespace waypoint::domain {

inline constexpr std::string_view kNameWithheld = "[name withheld]";

// `text` with every mention of each name replaced, the longest names first (so "Sam Hughes" goes
// whole, not as "[name withheld] Hughes" because "Sam" was also chosen).
std::string withhold_names(std::string_view text, std::vector<std::string> names);

// Each name chosen must be one the copy lists (field "withheld").
FieldErrors withholding_problems(const std::vector<std::string>& chosen, const std::vector<std::string>& listed);

}  // namespace waypoint::domain
