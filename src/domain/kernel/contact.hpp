#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace waypoint::domain {

// E-mail addresses are compared without case and surrounding spaces.
std::string normalise_email(std::string_view email);

// Why an address cannot be an e-mail address, or nothing. Deliberately loose: one '@', a dot in
// the domain, no spaces; the real check is that mail arrives.
std::optional<std::string> email_problem(std::string_view email);

}  // namespace waypoint::domain
