#pragma once
// A placement: a pupil taught by a provider on a commissioner's behalf, under a legal basis, and
// the rules that decide when it may start.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/calendar/school_calendar.hpp"
#include "domain/kernel/code_label.hpp"
#include "domain/kernel/field_error.hpp"
#include "domain/placements/placement_limits.hpp"
#include "domain/providers/provider_standing.hpp"

namespace waypoint::domain {

// School off-site direction; LA arrangement under s19 of the Education Act 1996; an academy's own
// powers; dual registration with a PRU or AP school.
const std::vector<CodeLabel>& legal_bases();
const std::vector<CodeLabel>& placement_reasons();
const std::vector<CodeLabel>& placement_end_reasons();
const std::vector<CodeLabel>& payers();
// The tiers of the 2025 guidance: "1" support in the pupil's own school (an in-school unit,
// outreach), "2" a time-limited placement alongside or instead of school, "3" a transitional
// placement for a pupil who will not return to their school.
const std::vector<CodeLabel>& placement_tiers();

// draft: being planned; awaiting: agreed, waiting for the notice period or consent; active;
// ended. Stored as these codes.
enum class PlacementStatus { Draft, Awaiting, Active, Ended };
std::string_view status_code(PlacementStatus s);
std::string_view status_label(PlacementStatus s);
std::optional<PlacementStatus> parse_status(std::string_view code);

bool is_off_site_direction(std::string_view legal_basis);
// Support in the school's own unit (Tier 1): the pupil stays in school, so no notice, no parents'
// consent to a provider and no due diligence on one; attendance there is presence at school.
bool in_own_school(std::string_view legal_basis);
// A school's own unit takes its own school's pupils, and only under "own_unit"; "own_unit" is only
// for one. `unit_of_school` is the provider's school when it is a school's own unit.
std::optional<FieldError> own_unit_problem(std::string_view legal_basis, std::optional<std::int64_t> unit_of_school,
                                           std::int64_t pupil_school);
// Only a local authority arranges under s19; every other basis is the school's.
bool commissioned_by_local_authority(std::string_view legal_basis);

// The fields of a placement a commissioner fills in; dates as typed.
struct PlacementTerms {
  std::string legal_basis, reason, reason_detail, objectives, start_date, planned_end_date, cost, cost_unit, paid_by,
      report_to, breaks;
  std::vector<std::int64_t> site_ids;
  // The review schedule: blank interval is 6 weeks, blank first review is one interval after the start.
  std::string review_interval_weeks, first_review_on;
  std::string tier;  // "1", "2" or "3"; blank: tier_of decides
};

// The review interval a schedule's typed weeks stand for (6 when blank or not a number).
int review_interval_of(const PlacementTerms& t);

// The tier a placement is recorded under. Support in the school's own unit is Tier 1 whatever is
// chosen. Left blank, a placement after a permanent exclusion is Tier 3 (the pupil cannot return to
// the school that excluded them) and any other is Tier 2.
int tier_of(const PlacementTerms& t);

// `provider_sites` are the provider's current sites; in-person providers need at least one named.
FieldErrors placement_problems(const PlacementTerms& t, const std::vector<std::int64_t>& provider_sites,
                               bool provider_teaches_in_person);

// What the start of a placement rests on.
struct ActivationFacts {
  std::string legal_basis;
  std::chrono::year_month_day start_date;
  Standing provider_standing = Standing::NotApproved;
  bool school_accepted_provider = false;  // the commissioning school's own due diligence
  bool commissioned_by_school = true;     // an LA's own arrangement rests on its own directory checks
  std::optional<std::chrono::year_month_day> notice_sent_on;
  bool pupil_has_ehc_plan = false;
  std::optional<std::chrono::year_month_day> la_informed_on;
  std::optional<std::chrono::year_month_day> parent_consent_on;
  bool needs_authority_consent = false;  // the provider lies outside the placing authority's area
  std::optional<std::chrono::year_month_day> authority_consent_on;
  std::string override_reason;  // an audited decision to start despite the provider's standing
  // The day the start would be recorded: a placement cannot start before its first day.
  std::optional<std::chrono::year_month_day> today;
  // The planned limits as in force on the first day (placement_limits.hpp), and what they look at.
  PlacementLimitRule limits;
  bool provider_is_school = true;
  std::chrono::year_month_day planned_end_date{};
  int sessions_a_week = 0;  // at the provider, on the pupil's timetable
};

struct Blocker {
  std::string field;
  std::string message;
  bool overridable = false;  // only the provider's standing and acceptance may be overridden
};

// Why the placement cannot start; empty when it can. The law's requirements (notice, consent)
// cannot be overridden; the standing and acceptance can, with a reason.
std::vector<Blocker> activation_blockers(const ActivationFacts& f, const SchoolCalendar& calendar);

// The first day an off-site direction may start given when its notice was sent, and the problem
// with a proposed start, if any.
std::optional<std::string> notice_problem(const SchoolCalendar& calendar, std::chrono::year_month_day notice_sent,
                                          std::chrono::year_month_day start);

}  // namespace waypoint::domain
