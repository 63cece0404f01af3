#include "domain/accounts/second_factor.hpp"

#include <algorithm>
#include <cctype>

#include "domain/kernel/text.hpp"

namespace waypoint::domain {

std::vector<Role> default_second_factor_roles() {
  return {Role::SchoolDsl, Role::LaOfficer, Role::LaDesignatedOfficer, Role::Administrator};
}

std::optional<std::vector<Role>> parse_second_factor_roles(std::string_view text) {
  const auto t = trimmed(text);
  if (t == "none") return std::vector<Role>{};
  if (t == "staff") {
    std::vector<Role> staff;
    for (const auto r : all_roles())
      if (works_at_organisation(r)) staff.push_back(r);
    return staff;
  }
  std::vector<Role> out;
  for (const auto& code : split_list(t)) {
    const auto r = parse_role(code);
    if (!r) return std::nullopt;
    out.push_back(*r);
  }
  return out;
}

bool second_factor_required(Role r, const std::vector<Role>& required) {
  return std::find(required.begin(), required.end(), r) != required.end();
}

std::string_view stage_code(SessionStage s) {
  switch (s) {
    case SessionStage::AwaitingCode:
      return "awaiting_code";
    case SessionStage::MustEnrol:
      return "must_enrol";
    case SessionStage::SignedIn:
      break;
  }
  return "signed_in";
}

SessionStage parse_stage(std::string_view code) {
  if (code == "awaiting_code") return SessionStage::AwaitingCode;
  if (code == "must_enrol") return SessionStage::MustEnrol;
  return SessionStage::SignedIn;
}

SessionStage stage_after_password(bool has_second_factor, bool required) {
  if (has_second_factor) return SessionStage::AwaitingCode;
  return required ? SessionStage::MustEnrol : SessionStage::SignedIn;
}

std::int64_t totp_step(std::int64_t unix_seconds) { return unix_seconds / kTotpStepSeconds; }

std::optional<std::string> as_totp_code(std::string_view typed) {
  std::string digits;
  for (const char c : typed) {
    if (c == ' ') continue;
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    digits += c;
  }
  if (digits.size() != 6) return std::nullopt;
  return digits;
}

std::string normalised_recovery_code(std::string_view typed) {
  std::string out;
  for (const char c : typed)
    if (c != ' ' && c != '-') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string recovery_code_from(const std::vector<unsigned char>& random_bytes) {
  // No 0/o or 1/l: read aloud or copied by hand, none can be mistaken for another.
  static constexpr std::string_view kAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";
  std::string out;
  for (std::size_t i = 0; i < 10 && i < random_bytes.size(); ++i) {
    if (i == 5) out += '-';
    out += kAlphabet[random_bytes[i] % kAlphabet.size()];
  }
  return out;
}

}  // namespace waypoint::domain
