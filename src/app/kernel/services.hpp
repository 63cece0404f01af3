#pragma once
// What every use case needs: the database, the clock and the settings. Built once at start-up.
#include <chrono>
#include <memory>
#include <string>

#include "app/kernel/clock.hpp"
#include "domain/accounts/password_policy.hpp"
#include "domain/accounts/second_factor.hpp"
#include "domain/accounts/session_lifetime.hpp"
#include "domain/accounts/sign_in_throttle.hpp"
#include "domain/placements/placement_limits.hpp"
#include "domain/providers/provider.hpp"
#include "domain/providers/registration_threshold.hpp"
#include "store/kernel/database.hpp"

namespace waypoint::app {

class CalendarCache;        // app/calendar: schools' calendars kept while the database's stand unchanged
class AreaAttendanceCache;  // app/area: areas' past weeks of attendance kept while their totals stand
class OutcomesCache;        // app/outcomes: areas' outcomes kept while what they read stands
struct AuditChainHint;      // app/kernel/audit.hpp: the audit chain's head as this process last wrote it

struct Settings {
  domain::SessionLifetime session;
  domain::SignInThrottlePolicy throttle;
  domain::PasswordPolicy password;
  std::size_t evidence_limit_bytes = 10 * 1024 * 1024;
  int expiry_warning_days = 30;                      // checks running out within this many days are flagged
  int invitation_days = 7;                           // an invitation link to a parent or carer works this long
  domain::CheckValidity check_validity;              // a deployment's own validity for some types of check
  int register_close_minutes = 30;                   // a register closes this long after its session starts
  int register_alert_minutes = 30;                   // a register not taken this long after it opens raises alerts
  int outreach_caseload = 5;                         // the most pupils an outreach worker's caseload holds
  bool mail_enabled = false;                         // SMTP is configured: alerts are also sent by e-mail
  std::string public_url = "http://127.0.0.1:8080";  // where links in e-mail point
  std::string audit_key;                             // keys the audit chain; read from a file outside the database
  std::string audit_checkpoints;                     // the file signed checkpoints of the audit trail go to
  std::vector<domain::Role> second_factor_roles = domain::default_second_factor_roles();  // must have one
  domain::ThresholdSettings threshold;    // when the 2026 Act's registration rule commences, and its full time
  domain::PlacementLimitSettings limits;  // when DfE's planned time limits and LA approval commence
};

struct Services {
  store::Database& db;
  const Clock& clock;
  Settings settings;
  domain::CommonPasswords common_passwords;
  std::shared_ptr<CalendarCache> calendars;              // kept across requests by a server; none: each reads its own
  std::shared_ptr<AreaAttendanceCache> area_attendance;  // the same
  std::shared_ptr<AuditChainHint> audit_chain;           // the same
  std::shared_ptr<OutcomesCache> outcomes;               // the same

  std::string now_iso() const { return domain::to_iso(clock.now()); }
  // The date and time on a clock in England, where the schools are.
  std::chrono::local_seconds local_now() const { return domain::uk_local_time(clock.now()); }
  std::chrono::year_month_day today() const {
    return std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(local_now())};
  }
  int minute_of_day() const {
    const auto since_midnight = local_now() - std::chrono::floor<std::chrono::days>(local_now());
    return static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(since_midnight).count());
  }
};

// The common-password list shipped in resources/.
domain::CommonPasswords bundled_common_passwords();

}  // namespace waypoint::app
