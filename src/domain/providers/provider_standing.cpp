#include "domain/providers/provider_standing.hpp"

#include <algorithm>

#include "domain/kernel/calendar_date.hpp"

namespace waypoint::domain {
namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

// The check that counts for one requirement: the latest verified one.
const ProviderCheck* latest_verified(const std::vector<ProviderCheck>& checks, CheckType type,
                                     std::optional<std::int64_t> site_id) {
  const ProviderCheck* best = nullptr;
  for (const auto& c : checks) {
    if (c.type != type || !c.verified || c.site_id != site_id) continue;
    if (!best || sys_days(c.completed_on) >= sys_days(best->completed_on)) best = &c;
  }
  return best;
}

bool awaiting_verification(const std::vector<ProviderCheck>& checks, CheckType type,
                           std::optional<std::int64_t> site_id) {
  return std::any_of(checks.begin(), checks.end(),
                     [&](const ProviderCheck& c) { return c.type == type && !c.verified && c.site_id == site_id; });
}

struct Requirement {
  CheckType type;
  std::optional<std::int64_t> site_id;
  std::string name;  // "Site risk assessment for Main site"
};

std::vector<Requirement> requirements(const StandingInput& in) {
  std::vector<Requirement> out;
  for (auto type : required_checks(in.kind)) {
    const auto& info = check_type_info(type);
    if (!info.per_site) {
      out.push_back({type, std::nullopt, std::string(info.label)});
    } else if (in.teaches_in_person) {
      for (const auto& site : in.sites) out.push_back({type, site.id, std::string(info.label) + " for " + site.name});
    }
  }
  return out;
}

}  // namespace

std::string_view standing_code(Standing s) {
  switch (s) {
    case Standing::Approved:
      return "approved";
    case Standing::ApprovedWithActions:
      return "approved_with_actions";
    case Standing::Lapsed:
      return "lapsed";
    case Standing::NotApproved:
      return "not_approved";
  }
  return "not_approved";
}

std::string_view standing_label(Standing s) {
  switch (s) {
    case Standing::Approved:
      return "Approved";
    case Standing::ApprovedWithActions:
      return "Approved with actions";
    case Standing::Lapsed:
      return "Lapsed";
    case Standing::NotApproved:
      return "Not approved";
  }
  return "Not approved";
}

const std::vector<Standing>& all_standings() {
  static const std::vector<Standing> all = {Standing::Approved, Standing::ApprovedWithActions, Standing::Lapsed,
                                            Standing::NotApproved};
  return all;
}

std::optional<Standing> parse_standing(std::string_view code) {
  for (auto s : all_standings())
    if (standing_code(s) == code) return s;
  return std::nullopt;
}

std::string_view check_outcome_code(CheckOutcome o) {
  switch (o) {
    case CheckOutcome::Met:
      return "met";
    case CheckOutcome::MetWithActions:
      return "met_with_actions";
    case CheckOutcome::NotMet:
      return "not_met";
  }
  return "not_met";
}

std::string_view check_outcome_label(CheckOutcome o) {
  switch (o) {
    case CheckOutcome::Met:
      return "Met";
    case CheckOutcome::MetWithActions:
      return "Met with actions";
    case CheckOutcome::NotMet:
      return "Not met";
  }
  return "Not met";
}

std::optional<CheckOutcome> parse_check_outcome(std::string_view code) {
  for (auto o : {CheckOutcome::Met, CheckOutcome::MetWithActions, CheckOutcome::NotMet})
    if (check_outcome_code(o) == code) return o;
  return std::nullopt;
}

StandingResult provider_standing(const StandingInput& in, year_month_day today, int warning_days) {
  StandingResult r;
  bool missing_or_failed = false;
  bool expired = false;
  bool actions = false;
  if (in.teaches_in_person && in.sites.empty()) {
    missing_or_failed = true;
    r.reasons.push_back("No site where pupils are taught has been recorded");
  }
  const auto warn_from = sys_days(today);
  const auto warn_until = sys_days(today) + days(warning_days);
  for (const auto& need : requirements(in)) {
    const auto* check = latest_verified(in.checks, need.type, need.site_id);
    if (!check) {
      missing_or_failed = true;
      r.reasons.push_back(
          "No verified " + need.name +
          (awaiting_verification(in.checks, need.type, need.site_id) ? " (evidence awaits verification)" : ""));
      continue;
    }
    if (check->outcome == CheckOutcome::NotMet) {
      missing_or_failed = true;
      r.reasons.push_back(need.name + " was not met on " + date_text(check->completed_on));
      continue;
    }
    if (sys_days(check->expires_on) < sys_days(today)) {
      expired = true;
      r.reasons.push_back(need.name + " ran out on " + date_text(check->expires_on));
      continue;
    }
    if (check->outcome == CheckOutcome::MetWithActions) {
      actions = true;
      r.reasons.push_back(need.name + " was met with actions on " + date_text(check->completed_on));
    }
    if (!r.holds_until || sys_days(check->expires_on) < sys_days(*r.holds_until)) r.holds_until = check->expires_on;
    if (sys_days(check->expires_on) >= warn_from && sys_days(check->expires_on) <= warn_until)
      r.expiring.push_back(
          {need.type, need.site_id, check->expires_on, need.name + " runs out on " + date_text(check->expires_on)});
  }
  r.standing = missing_or_failed ? Standing::NotApproved
               : expired         ? Standing::Lapsed
               : actions         ? Standing::ApprovedWithActions
                                 : Standing::Approved;
  if (r.standing == Standing::NotApproved || r.standing == Standing::Lapsed) r.holds_until.reset();
  return r;
}

}  // namespace waypoint::domain
