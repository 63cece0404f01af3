#pragma once
// A provider's standing, from its kind, its sites and its verified checks, on a given day.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/providers/provider.hpp"

namespace waypoint::domain {

enum class Standing { Approved, ApprovedWithActions, Lapsed, NotApproved };
std::string_view standing_code(Standing s);
std::string_view standing_label(Standing s);
std::optional<Standing> parse_standing(std::string_view code);
const std::vector<Standing>& all_standings();

enum class CheckOutcome { Met, MetWithActions, NotMet };
std::string_view check_outcome_code(CheckOutcome o);
std::string_view check_outcome_label(CheckOutcome o);
std::optional<CheckOutcome> parse_check_outcome(std::string_view code);

struct ProviderCheck {
  CheckType type = CheckType::RegistrationVerified;
  std::optional<std::int64_t> site_id;  // for checks made per site
  CheckOutcome outcome = CheckOutcome::Met;
  bool verified = false;  // evidence a provider submits counts only once verified
  std::chrono::year_month_day completed_on;
  std::chrono::year_month_day expires_on;  // the last day the check counts
};

struct ProviderSite {
  std::int64_t id = 0;
  std::string name;
};

struct StandingInput {
  ProviderKind kind = ProviderKind::Unregistered;
  bool teaches_in_person = true;  // online-only providers have no sites to assess
  std::vector<ProviderSite> sites;
  std::vector<ProviderCheck> checks;
};

struct ExpiringCheck {
  CheckType type;
  std::optional<std::int64_t> site_id;
  std::chrono::year_month_day expires_on;
  std::string text;
};

struct StandingResult {
  Standing standing = Standing::NotApproved;
  std::vector<std::string> reasons;     // why it is not simply approved
  std::vector<ExpiringCheck> expiring;  // current checks that run out within the warning window
  // The last day this standing holds without any new check: the earliest expiry among the
  // checks it rests on. Empty when nothing is current.
  std::optional<std::chrono::year_month_day> holds_until;
};

StandingResult provider_standing(const StandingInput& input, std::chrono::year_month_day today, int warning_days = 30);

}  // namespace waypoint::domain
