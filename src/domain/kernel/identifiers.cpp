#include "domain/kernel/identifiers.hpp"

#include <algorithm>
#include <cctype>

namespace waypoint::domain {
namespace {

// Letters the DfE uses for check letters and temporary UPNs: I, O and S are left out.
constexpr std::string_view kUpnLetters = "ABCDEFGHJKLMNPQRTUVWXYZ";

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

}  // namespace

std::optional<std::string> urn_problem(std::string_view urn) {
  if (urn.size() != 6 || !all_digits(urn)) return "URN must be 6 digits, like 100000";
  return std::nullopt;
}

std::optional<std::string> ukprn_problem(std::string_view ukprn) {
  if (ukprn.size() != 8 || !all_digits(ukprn) || ukprn.front() != '1')
    return "UKPRN must be 8 digits starting with 1, like 10012345";
  return std::nullopt;
}

std::optional<char> upn_check_letter(std::string_view last_twelve) {
  if (last_twelve.size() != 12 || !all_digits(last_twelve.substr(0, 11))) return std::nullopt;
  int sum = 0;
  for (std::size_t i = 0; i < 12; ++i) {
    const char c = last_twelve[i];
    int value = 0;
    if (std::isdigit(static_cast<unsigned char>(c)))
      value = c - '0';
    else if (i == 11) {  // a temporary UPN ends in a letter, valued by its place in the list
      const auto at = kUpnLetters.find(c);
      if (at == std::string_view::npos) return std::nullopt;
      value = static_cast<int>(at);
    } else {
      return std::nullopt;
    }
    sum += value * static_cast<int>(i + 2);  // positions 2 to 13 carry weights 2 to 13
  }
  return kUpnLetters[static_cast<std::size_t>(sum % 23)];
}

std::optional<std::string> upn_problem(std::string_view upn) {
  if (upn.size() != 13) return "UPN must be 13 characters: a check letter then 12 digits, like A123456789012";
  const auto expected = upn_check_letter(upn.substr(1));
  if (!expected) return "UPN must be a letter followed by 12 digits (the last may be a letter for a temporary UPN)";
  if (upn.front() != *expected) return "UPN check letter is wrong: check the UPN has been copied correctly";
  return std::nullopt;
}

bool is_temporary_upn(std::string_view upn) {
  return upn.size() == 13 && std::isalpha(static_cast<unsigned char>(upn.back()));
}

}  // namespace waypoint::domain
