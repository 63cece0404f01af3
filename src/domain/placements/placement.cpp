#include "domain/placements/placement.hpp"

#include <algorithm>

#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/numbers.hpp"

namespace waypoint::domain {

using std::chrono::sys_days;
using std::chrono::year_month_day;

const std::vector<CodeLabel>& legal_bases() {
  static const std::vector<CodeLabel> list{
      {"off_site_direction", "Off-site direction by the school"},
      {"la_s19", "Local authority arrangement (section 19)"},
      {"academy_powers", "Academy's own powers"},
      {"dual_registration", "Dual registration"},
      {"own_unit", "Support in the school's own unit (Tier 1)"},
  };
  return list;
}

const std::vector<CodeLabel>& placement_reasons() {
  static const std::vector<CodeLabel> list{
      {"permanent_exclusion", "Permanent exclusion"},
      {"suspension", "Suspension"},
      {"at_risk_of_exclusion", "At risk of permanent exclusion"},
      {"semh", "Social, emotional and mental health needs"},
      {"school_avoidance", "School avoidance"},
      {"health_needs", "Health needs"},
      {"awaiting_specialist_place", "Awaiting a specialist place"},
      {"vocational", "Vocational course"},
      {"respite", "Respite"},
      {"other", "Other"},
  };
  return list;
}

const std::vector<CodeLabel>& placement_end_reasons() {
  static const std::vector<CodeLabel> list{
      {"planned_end", "Reached its planned end"},
      {"reintegrated", "Returned to the home school"},
      {"moved_on", "Moved to another school or setting"},
      {"not_working", "The placement was not meeting the pupil's needs"},
      {"provider_unsuitable", "The provider is no longer suitable"},
      {"moved_away", "Moved away"},
      {"cancelled", "Cancelled before it started"},
      {"other", "Other"},
  };
  return list;
}

const std::vector<CodeLabel>& payers() {
  static const std::vector<CodeLabel> list{
      {"school", "The home school"},
      {"local_authority", "The local authority"},
      {"high_needs", "High-needs funding"},
      {"other", "Someone else"},
  };
  return list;
}

namespace {

struct StatusInfo {
  PlacementStatus status;
  std::string_view code, label;
};

constexpr StatusInfo kStatuses[] = {
    {PlacementStatus::Draft, "draft", "Draft"},
    {PlacementStatus::Awaiting, "awaiting", "Awaiting notice or consent"},
    {PlacementStatus::Active, "active", "Active"},
    {PlacementStatus::Ended, "ended", "Ended"},
};

}  // namespace

std::string_view status_code(PlacementStatus s) {
  for (const auto& i : kStatuses)
    if (i.status == s) return i.code;
  return "draft";
}

std::string_view status_label(PlacementStatus s) {
  for (const auto& i : kStatuses)
    if (i.status == s) return i.label;
  return "Draft";
}

std::optional<PlacementStatus> parse_status(std::string_view code) {
  for (const auto& i : kStatuses)
    if (i.code == code) return i.status;
  return std::nullopt;
}

const std::vector<CodeLabel>& placement_tiers() {
  static const std::vector<CodeLabel> list{
      {"1", "Tier 1: support in the pupil's own school"},
      {"2", "Tier 2: time-limited placement"},
      {"3", "Tier 3: transitional placement"},
  };
  return list;
}

int tier_of(const PlacementTerms& t) {
  if (in_own_school(t.legal_basis)) return 1;
  if (t.tier == "1" || t.tier == "2" || t.tier == "3") return t.tier[0] - '0';
  return t.reason == "permanent_exclusion" ? 3 : 2;
}

int review_interval_of(const PlacementTerms& t) {
  const auto weeks = parse_whole_number(t.review_interval_weeks);
  return weeks && *weeks >= 1 && *weeks <= 26 ? static_cast<int>(*weeks) : 6;
}

bool is_off_site_direction(std::string_view b) { return b == "off_site_direction"; }
bool commissioned_by_local_authority(std::string_view b) { return b == "la_s19"; }
bool in_own_school(std::string_view b) { return b == "own_unit"; }

std::optional<FieldError> own_unit_problem(std::string_view legal_basis, std::optional<std::int64_t> unit_of_school,
                                           std::int64_t pupil_school) {
  if (unit_of_school && *unit_of_school != pupil_school)
    return FieldError{"provider_id", "That unit is another school's: select a provider from the directory"};
  if (unit_of_school && !in_own_school(legal_basis))
    return FieldError{"legal_basis", "Support in the school's own unit is the only legal basis for a place there"};
  if (!unit_of_school && in_own_school(legal_basis))
    return FieldError{"legal_basis", "Support in the school's own unit is only for a place in one of its units"};
  return std::nullopt;
}

FieldErrors placement_problems(const PlacementTerms& t, const std::vector<std::int64_t>& provider_sites,
                               bool provider_teaches_in_person) {
  FieldErrors e;
  if (!in_list(legal_bases(), t.legal_basis)) e.push_back({"legal_basis", "Select the legal basis for the placement"});
  if (!in_list(placement_reasons(), t.reason)) e.push_back({"reason", "Select the main reason for the placement"});
  if (!t.tier.empty() && !in_list(placement_tiers(), t.tier))
    e.push_back({"tier", "Select Tier 1, 2 or 3, or leave the tier blank"});
  if (t.reason == "other" && t.reason_detail.empty())
    e.push_back({"reason_detail", "Say what the reason is when you select Other"});
  if (t.objectives.empty()) e.push_back({"objectives", "Enter what the placement is for: its objectives"});
  const auto start = parse_date(t.start_date);
  if (t.start_date.empty())
    e.push_back({"start_date", "Enter the start date"});
  else if (!start)
    e.push_back({"start_date", "Start date must be a real date, like 2026-01-12"});
  const auto end = parse_date(t.planned_end_date);
  if (t.planned_end_date.empty())
    e.push_back({"planned_end_date", "Enter the planned end date: AP is a step, not a destination"});
  else if (!end)
    e.push_back({"planned_end_date", "Planned end date must be a real date, like 2026-04-01"});
  else if (start && sys_days(*end) < sys_days(*start))
    e.push_back({"planned_end_date", "Planned end date must be on or after the start date"});
  if (!t.review_interval_weeks.empty()) {
    const auto weeks = parse_whole_number(t.review_interval_weeks);
    if (!weeks || *weeks < 1 || *weeks > 26)
      e.push_back({"review_interval_weeks", "Weeks between reviews must be a whole number from 1 to 26"});
  }
  if (!t.first_review_on.empty()) {
    const auto first = parse_date(t.first_review_on);
    if (!first)
      e.push_back({"first_review_on", "First review must be a real date, like 2027-01-19"});
    else if (start && sys_days(*first) < sys_days(*start))
      e.push_back({"first_review_on", "First review must be on or after the start date"});
    else if (end && sys_days(*first) > sys_days(*end))
      e.push_back({"first_review_on", "First review must be on or before the planned end date"});
  }
  if (!t.cost.empty()) {
    if (!parse_pounds(t.cost)) e.push_back({"cost", "Cost must be an amount in pounds, like 95 or 95.50"});
    if (t.cost_unit != "day" && t.cost_unit != "session" && t.cost_unit != "week")
      e.push_back({"cost_unit", "Select whether the cost is per day, session or week"});
  }
  if (!in_list(payers(), t.paid_by)) e.push_back({"paid_by", "Select who pays"});
  if (is_off_site_direction(t.legal_basis) && t.report_to.empty())
    e.push_back({"report_to", "Enter the person the pupil reports to: the notice to parents must name them"});
  for (auto id : t.site_ids)
    if (std::find(provider_sites.begin(), provider_sites.end(), id) == provider_sites.end()) {
      e.push_back({"site_ids", "Select sites from the provider's list"});
      break;
    }
  if (provider_teaches_in_person && t.site_ids.empty())
    e.push_back({"site_ids", "Select every site where the pupil will be taught"});
  return e;
}

std::optional<std::string> notice_problem(const SchoolCalendar& calendar, year_month_day notice_sent,
                                          year_month_day start) {
  const auto earliest = earliest_start_after_notice(calendar, notice_sent);
  if (!earliest) return "The school calendar does not reach far enough to count 2 school days after the notice";
  if (sys_days(start) < sys_days(*earliest))
    return "The start date must be at least 2 school days after the notice was sent: " + date_text(*earliest) +
           " at the earliest";
  return std::nullopt;
}

std::vector<Blocker> activation_blockers(const ActivationFacts& f, const SchoolCalendar& calendar) {
  std::vector<Blocker> out;
  if (f.today && sys_days(*f.today) < sys_days(f.start_date))
    out.push_back({"start_date", "The placement's first day is " + date_text(f.start_date) +
                                     ": it can start on that day, not before"});
  const bool standing_ok =
      f.provider_standing == Standing::Approved || f.provider_standing == Standing::ApprovedWithActions;
  const bool overridden = !f.override_reason.empty();
  if (!standing_ok && f.limits.la_approval_required)
    out.push_back({"override_reason", "The provider is " + std::string(standing_label(f.provider_standing)) +
                                          ": since " + date_text(*f.limits.la_approval_from) +
                                          " a placement starts only at a provider the local authority has approved"});
  else if (!standing_ok && !overridden)
    out.push_back({"override_reason",
                   "The provider is " + std::string(standing_label(f.provider_standing)) +
                       ": it must be approved before a pupil starts there, or give a reason to start anyway",
                   true});
  if (auto problem =
          time_limit_problem(f.limits, f.provider_is_school, f.start_date, f.planned_end_date, f.sessions_a_week))
    out.push_back({"planned_end_date", *problem});
  if (in_own_school(f.legal_basis)) return out;  // the school's own staff and site: nothing more to rest on
  if (f.commissioned_by_school && !f.school_accepted_provider && !overridden)
    out.push_back({"override_reason",
                   "Your school has not recorded its own acceptance of this provider: accept it on the provider's "
                   "page, or give a reason to start anyway",
                   true});
  if (is_off_site_direction(f.legal_basis)) {
    if (!f.notice_sent_on)
      out.push_back({"notice_sent_on", "Record when the written notice was sent to the parents"});
    else if (auto problem = notice_problem(calendar, *f.notice_sent_on, f.start_date))
      out.push_back({"notice_sent_on", *problem});
    if (f.pupil_has_ehc_plan && !f.la_informed_on)
      out.push_back({"la_informed_on", "The pupil has an EHC plan: record when the local authority was told"});
  } else {
    if (!f.parent_consent_on) out.push_back({"parent_consent_on", "Record the parents' consent to the placement"});
    if (f.needs_authority_consent && !f.authority_consent_on)
      out.push_back({"authority_consent_on",
                     "The provider is outside the placing authority's area: record the authority's consent"});
  }
  return out;
}

}  // namespace waypoint::domain
