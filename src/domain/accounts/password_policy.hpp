#pragma once
// NCSC / NIST style: long enough, not a known common password, no composition rules.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace waypoint::domain {

struct PasswordPolicy {
  std::size_t min_length = 12;
  std::size_t max_length = 256;  // argon2 accepts more, but nobody types this much
};

class CommonPasswords {
 public:
  // One password a line; blank lines and lines starting with '#' are skipped.
  static CommonPasswords from_text(std::string_view text);
  bool contains(std::string_view password) const;
  std::size_t size() const { return words_.size(); }

 private:
  std::unordered_set<std::string> words_;
};

// The reason a new password is refused, in words for the person choosing it; nothing if it is fine.
std::optional<std::string> password_problem(std::string_view password, const CommonPasswords& common,
                                            const PasswordPolicy& policy = {});

}  // namespace waypoint::domain
