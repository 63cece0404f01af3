#pragma once
// National identifiers: URN (establishments), UKPRN (learning providers), UPN (pupils).
#include <optional>
#include <string>
#include <string_view>

namespace waypoint::domain {

std::optional<std::string> urn_problem(std::string_view urn);      // 6 digits
std::optional<std::string> ukprn_problem(std::string_view ukprn);  // 8 digits starting 1

// The DfE check letter for the last 12 characters of a UPN, or nothing if they cannot carry one.
std::optional<char> upn_check_letter(std::string_view last_twelve);
std::optional<std::string> upn_problem(std::string_view upn);
// A temporary UPN ends in a letter where a permanent one ends in a digit; schools use one only until
// the permanent UPN is known.
bool is_temporary_upn(std::string_view upn);

}  // namespace waypoint::domain
