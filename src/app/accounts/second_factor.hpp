#pragma once
// Setting up and using a second factor: a TOTP authenticator (RFC 6238, through liboath) with ten
// one-time recovery codes for when the phone is lost.
#include <chrono>
#include <string>
#include <vector>

#include "app/accounts/accounts.hpp"
#include "app/kernel/services.hpp"

namespace waypoint::app {

// Computes the six-digit code for a secret (raw bytes) at a moment: for tests and enrolment checks.
std::string totp_code(const std::string& secret, std::int64_t unix_seconds);

struct Enrolment {
  std::string key;          // the secret in base32, as an authenticator app asks for it
  std::string otpauth_uri;  // what the QR code holds
  bool enabled = false;     // a second factor is already set up
  int recovery_codes_left = 0;
};

// The key to set up, made once and kept until it is confirmed.
Enrolment start_enrolment(const Services& s, const SignedInSession& session);

// Confirms the authenticator with a code from it; answers the recovery codes, shown once.
std::vector<std::string> confirm_enrolment(const Services& s, const SignedInSession& session, const std::string& code);

struct SecondFactorOutcome {
  bool accepted = false;
  bool used_recovery_code = false;
  std::chrono::seconds wait{0};  // too many wrong codes: try again after this long
};

// The code (TOTP or recovery) owed after the password; accepted, the session is signed in.
SecondFactorOutcome complete_sign_in(const Services& s, const SignedInSession& session, const std::string& code);

}  // namespace waypoint::app
