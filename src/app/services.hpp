#pragma once
// What every use case needs: the database, the clock and the settings. Built once at start-up.
#include <chrono>
#include <string>

#include "app/clock.hpp"
#include "domain/password_policy.hpp"
#include "domain/provider.hpp"
#include "domain/session_lifetime.hpp"
#include "domain/sign_in_throttle.hpp"
#include "store/database.hpp"

namespace waypoint::app {

struct Settings {
  domain::SessionLifetime session;
  domain::SignInThrottlePolicy throttle;
  domain::PasswordPolicy password;
  std::size_t evidence_limit_bytes = 10 * 1024 * 1024;
  int expiry_warning_days = 30;          // checks running out within this many days are flagged
  domain::CheckValidity check_validity;  // a deployment's own validity for some types of check
  int register_close_minutes = 30;       // a register closes this long after its session starts
};

struct Services {
  store::Database& db;
  const Clock& clock;
  Settings settings;
  domain::CommonPasswords common_passwords;

  std::string now_iso() const { return domain::to_iso(clock.now()); }
  std::chrono::year_month_day today() const {
    return std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(clock.now())};
  }
};

// The common-password list shipped in resources/.
domain::CommonPasswords bundled_common_passwords();

}  // namespace waypoint::app
