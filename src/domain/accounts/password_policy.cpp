#include "domain/accounts/password_policy.hpp"

#include <algorithm>
#include <cctype>

namespace waypoint::domain {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Characters, not bytes: a password of accented letters should not pass the length rule early.
std::size_t utf8_length(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](unsigned char c) { return (c & 0xC0) != 0x80; }));
}

}  // namespace

CommonPasswords CommonPasswords::from_text(std::string_view text) {
  CommonPasswords c;
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    auto line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty() && line.front() != '#') c.words_.insert(lower(line));
    pos = end + 1;
  }
  return c;
}

bool CommonPasswords::contains(std::string_view password) const { return words_.count(lower(password)) > 0; }

std::optional<std::string> password_problem(std::string_view password, const CommonPasswords& common,
                                            const PasswordPolicy& policy) {
  const auto length = utf8_length(password);
  if (length < policy.min_length)
    return "Password must be " + std::to_string(policy.min_length) + " characters or more";
  if (length > policy.max_length)
    return "Password must be " + std::to_string(policy.max_length) + " characters or fewer";
  if (common.contains(password))
    return "Password is too common: choose one that is harder to guess, such as three random words";
  const bool one_character =
      std::all_of(password.begin(), password.end(), [&](char c) { return c == password.front(); });
  if (one_character) return "Password must not be one character repeated";
  return std::nullopt;
}

}  // namespace waypoint::domain
