#include "domain/returns/school_census.hpp"

#include <array>
#include <map>

#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/code_label.hpp"
#include "domain/kernel/identifiers.hpp"
#include "domain/placements/placement.hpp"
#include "domain/providers/provider.hpp"

namespace waypoint::domain {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

// The `nth` Thursday of a month.
Date nth_thursday(int year, unsigned month, unsigned nth) {
  return Date{sys_days{std::chrono::year{year} / std::chrono::month{month} / std::chrono::Thursday[nth]}};
}

Date census_day_of(CensusTerm term, int year_started) {
  switch (term) {
    case CensusTerm::Autumn:
      return nth_thursday(year_started, 10, 1);
    case CensusTerm::Spring:
      return nth_thursday(year_started + 1, 1, 3);
    case CensusTerm::Summer:
      return nth_thursday(year_started + 1, 5, 3);
  }
  return nth_thursday(year_started, 10, 1);
}

// A full-time week is ten sessions: a morning and an afternoon on each weekday.
constexpr int kFullTimeSessions = 10;

}  // namespace

std::string_view census_term_code(CensusTerm t) {
  switch (t) {
    case CensusTerm::Autumn:
      return "autumn";
    case CensusTerm::Spring:
      return "spring";
    case CensusTerm::Summer:
      return "summer";
  }
  return "autumn";
}

std::string_view census_term_label(CensusTerm t) {
  switch (t) {
    case CensusTerm::Autumn:
      return "Autumn";
    case CensusTerm::Spring:
      return "Spring";
    case CensusTerm::Summer:
      return "Summer";
  }
  return "Autumn";
}

std::optional<CensusTerm> parse_census_term(std::string_view code) {
  for (const auto t : {CensusTerm::Autumn, CensusTerm::Spring, CensusTerm::Summer})
    if (census_term_code(t) == code) return t;
  return std::nullopt;
}

std::string CensusPeriod::name() const {
  return std::string(census_term_label(term)) + " " + std::to_string(static_cast<int>(census_day.year()));
}

CensusPeriod census_period(CensusTerm term, int year_started) {
  CensusPeriod p;
  p.term = term;
  p.year_started = year_started;
  p.census_day = census_day_of(term, year_started);
  const Date before = term == CensusTerm::Autumn   ? census_day_of(CensusTerm::Summer, year_started - 1)
                      : term == CensusTerm::Spring ? census_day_of(CensusTerm::Autumn, year_started)
                                                   : census_day_of(CensusTerm::Spring, year_started);
  p.first_day = Date{sys_days{before} + days{1}};
  return p;
}

CensusPeriod census_due(Date today) {
  // The school year that holds `today` begins in September; its summer census is in May, so from
  // the day after it the next census is the following year's autumn one.
  const int year = static_cast<int>(today.year());
  const int year_started = static_cast<unsigned>(today.month()) >= 9 ? year : year - 1;
  for (const auto term : {CensusTerm::Autumn, CensusTerm::Spring, CensusTerm::Summer}) {
    const auto p = census_period(term, year_started);
    if (sys_days{today} <= sys_days{p.census_day}) return p;
  }
  return census_period(CensusTerm::Autumn, year_started + 1);
}

std::string_view census_setting_type(std::string_view provider_kind) {
  const auto kind = parse_provider_kind(provider_kind);
  if (!kind) return "OTH";
  switch (*kind) {
    case ProviderKind::FeCollege:
      return "NFE";
    case ProviderKind::Tutor:
      return "OOT";
    case ProviderKind::WorkBasedPlacement:
      return "WBP";
    default:
      return "OTH";
  }
}

std::string_view census_reason_code(std::string_view reason) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kCodes{{
      {"permanent_exclusion", "PEX"},
      {"suspension", "SUS"},
      {"at_risk_of_exclusion", "RPE"},
      {"semh", "SEM"},
      {"school_avoidance", "SAV"},
      {"health_needs", "HEA"},
      {"awaiting_specialist_place", "ASP"},
      {"vocational", "VOC"},
      {"respite", "RES"},
      {"other", "OTH"},
  }};
  for (const auto& [ours, census] : kCodes)
    if (ours == reason) return census;
  return "";
}

const std::vector<std::string_view>& census_items() {
  static const std::vector<std::string_view> items{
      "UPN",          "AP URN",         "AP UKPRN",           "AP setting type",  "Entry date",
      "Leaving date", "Primary reason", "Attendance pattern", "Sessions per week"};
  return items;
}

bool SchoolCensusReturn::has_errors() const {
  for (const auto& p : problems)
    if (p.error) return true;
  return false;
}

SchoolCensusReturn school_census_return(const CensusPeriod& period, const std::vector<CensusPlacement>& placements) {
  SchoolCensusReturn out;
  out.period = period;
  for (const auto& p : placements) {
    if (sys_days{p.started} > sys_days{period.census_day}) continue;
    if (p.ended && sys_days{*p.ended} < sys_days{period.first_day}) continue;
    auto problem = [&](std::string item, std::string message, bool error = true) {
      out.problems.push_back({p.placement_id, p.pupil_name, std::move(item), std::move(message), error});
    };

    CensusRow r;
    r.placement_id = p.placement_id;
    r.pupil_id = p.pupil_id;
    r.pupil_name = p.pupil_name;
    r.family_name = p.family_name;
    r.given_name = p.given_name;
    r.date_of_birth = p.date_of_birth;
    r.gender = p.gender;
    r.provider_name = p.provider_name;
    r.upn = p.upn;
    r.temporary_upn = is_temporary_upn(p.upn);
    if (upn_problem(p.upn))
      problem("UPN", "The pupil's UPN is not a valid UPN: correct it on the pupil's record");
    else if (r.temporary_upn)
      problem("UPN", "The pupil has a temporary UPN: replace it with their permanent UPN when it is known", false);

    // Exactly one of the three identifies the setting: its URN, else its UKPRN, else its type.
    const auto kind = parse_provider_kind(p.provider_kind);
    const bool school = kind && provider_kind_info(*kind).needs_urn;
    if (!p.urn.empty()) {
      r.urn = p.urn;
      if (urn_problem(p.urn)) problem("AP URN", "The provider's URN is not 6 digits: correct it in the directory");
    } else if (!p.ukprn.empty()) {
      r.ukprn = p.ukprn;
      if (ukprn_problem(p.ukprn))
        problem("AP UKPRN", "The provider's UKPRN is not 8 digits starting with 1: correct it in the directory");
    } else if (school) {
      problem("AP URN", "The provider is a school but has no URN recorded: add its URN in the directory");
    } else {
      r.setting_type = census_setting_type(p.provider_kind);
    }

    r.entry_date = format_date(p.started);
    if (p.ended && sys_days{*p.ended} <= sys_days{period.census_day}) {
      r.leaving_date = format_date(*p.ended);
      if (sys_days{*p.ended} < sys_days{p.started})
        problem("Leaving date", "The placement ended before its entry date: check both dates");
    }

    r.reason = census_reason_code(p.reason);
    r.placement_reason = p.reason;
    if (r.reason.empty())
      problem("Primary reason", "The placement has no primary reason the census knows: choose one on the placement");
    else if (p.reason == "awaiting_specialist_place" && !p.pupil_has_ehc_plan)
      problem("Primary reason",
              "The reason is awaiting a specialist place, which an EHC plan names, but the pupil has no EHC plan "
              "recorded: record the plan on the pupil, or choose the reason the placement was made for");

    r.sessions_a_week = p.sessions_a_week;
    r.attendance_pattern = p.sessions_a_week >= kFullTimeSessions ? "FT" : "PT";
    if (p.sessions_a_week <= 0)
      problem("Sessions per week",
              "No sessions at the provider are on the pupil's timetable: add them to the timetable");
    else if (p.sessions_a_week > kFullTimeSessions)
      problem("Sessions per week", "More than 10 sessions a week: a week has a morning and an afternoon a day");
    out.rows.push_back(std::move(r));
  }
  return out;
}

CensusPeriod ap_census_period(int year) {
  CensusPeriod p = census_period(CensusTerm::Spring, year - 1);
  p.first_day = Date{sys_days{census_period(CensusTerm::Spring, year - 2).census_day} + days{1}};
  return p;
}

CensusPeriod ap_census_due(Date today) {
  const int year = static_cast<int>(today.year());
  const auto p = ap_census_period(year);
  return sys_days{today} <= sys_days{p.census_day} ? p : ap_census_period(year + 1);
}

const std::vector<std::string_view>& ap_census_items() {
  static const std::vector<std::string_view> items{"UPN",
                                                   "Surname",
                                                   "Forename",
                                                   "Date of birth",
                                                   "Sex",
                                                   "AP URN",
                                                   "AP UKPRN",
                                                   "AP setting type",
                                                   "Entry date",
                                                   "Leaving date",
                                                   "Primary reason",
                                                   "Attendance pattern",
                                                   "Sessions per week"};
  return items;
}

SchoolCensusReturn ap_census_return(const CensusPeriod& period, const std::vector<CensusPlacement>& placements) {
  // The latest placement of each child that ran in the period: the one that started last.
  std::map<std::int64_t, const CensusPlacement*> latest;
  for (const auto& p : placements) {
    if (sys_days{p.started} > sys_days{period.census_day}) continue;
    if (p.ended && sys_days{*p.ended} < sys_days{period.first_day}) continue;
    auto& kept = latest[p.pupil_id];
    if (!kept || sys_days{p.started} > sys_days{kept->started} ||
        (p.started == kept->started && p.placement_id > kept->placement_id))
      kept = &p;
  }
  std::vector<CensusPlacement> chosen;
  for (const auto& p : placements)
    if (latest.count(p.pupil_id) && latest[p.pupil_id] == &p) chosen.push_back(p);
  auto out = school_census_return(period, chosen);
  for (const auto& p : chosen)
    if (p.gender.empty())
      out.problems.push_back(
          {p.placement_id, p.pupil_name, "Sex", "The child's sex is not recorded: record it on the pupil"});
  return out;
}

}  // namespace waypoint::domain
