#include "domain/kernel/contact.hpp"

#include <algorithm>
#include <cctype>

#include "domain/kernel/text.hpp"

namespace waypoint::domain {

std::string normalise_email(std::string_view email) {
  std::string out = trimmed(email);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::optional<std::string> email_problem(std::string_view raw) {
  const auto email = normalise_email(raw);
  if (email.empty()) return "Enter an email address";
  if (email.size() > 254) return "Email address must be 254 characters or fewer";
  const auto at = email.find('@');
  const bool shaped = at != std::string::npos && at > 0 && email.find('@', at + 1) == std::string::npos &&
                      email.find(' ') == std::string::npos && email.find('.', at + 2) != std::string::npos &&
                      email.back() != '.';
  if (!shaped) return "Enter an email address in the correct format, like name@example.org";
  return std::nullopt;
}

}  // namespace waypoint::domain
