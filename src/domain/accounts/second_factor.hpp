#pragma once
// The second factor: which roles must have one (a deployment's choice; by default those who read
// safeguarding records or the whole area, and administrators), how a session moves through
// signing in, and the shape of codes: six-digit TOTP codes (RFC 6238, 30-second steps) and
// one-time recovery codes.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/kernel/role.hpp"

namespace waypoint::domain {

// The roles a deployment requires a second factor of: DSL, LA roles and administrators by default.
std::vector<Role> default_second_factor_roles();
// "school_dsl,la_officer", "staff" (every role but parents), or "none"; nothing if a code is unknown.
std::optional<std::vector<Role>> parse_second_factor_roles(std::string_view text);
bool second_factor_required(Role r, const std::vector<Role>& required);

// How far a session has got: signed in, or waiting for a code, or for the user to set one up.
enum class SessionStage { SignedIn, AwaitingCode, MustEnrol };
std::string_view stage_code(SessionStage s);
SessionStage parse_stage(std::string_view code);
// The stage after the password is right.
SessionStage stage_after_password(bool has_second_factor, bool required);

constexpr int kTotpStepSeconds = 30;
constexpr int kRecoveryCodes = 10;
// The TOTP time step a moment falls in.
std::int64_t totp_step(std::int64_t unix_seconds);
// A typed code: six digits (spaces allowed) is a TOTP code.
std::optional<std::string> as_totp_code(std::string_view typed);
// A recovery code as it is kept and compared: lower case, without spaces and hyphens.
std::string normalised_recovery_code(std::string_view typed);
// Ten lower-case letters and digits from random bytes, shown as "abcde-fghij".
std::string recovery_code_from(const std::vector<unsigned char>& random_bytes);

}  // namespace waypoint::domain
