#include "domain/providers/provider.hpp"

namespace waypoint::domain {

const std::vector<ProviderKindInfo>& provider_kinds() {
  static const std::vector<ProviderKindInfo> kinds = {
      {ProviderKind::StateApSchool, "state_ap", "State AP school or pupil referral unit", true, false, true},
      {ProviderKind::ApAcademy, "ap_academy", "AP academy or free school", true, false, true},
      {ProviderKind::IndependentSchool, "independent_school", "Registered independent school", true, false, true},
      {ProviderKind::FeCollege, "fe_college", "Further education college", false, true, false},
      {ProviderKind::Unregistered, "unregistered", "Unregistered provider", false, false, false},
      {ProviderKind::Online, "online", "Online provider", false, false, false},
      {ProviderKind::Tutor, "tutor", "Tutor or tuition agency", false, false, false},
      {ProviderKind::WorkBasedPlacement, "work_based", "Work-based placement", false, false, false},
      {ProviderKind::SchoolUnit, "school_unit", "The school's own unit", false, false, true},
  };
  return kinds;
}

bool is_school_unit(ProviderKind k) { return k == ProviderKind::SchoolUnit; }

std::vector<ProviderKindInfo> directory_kinds() {
  std::vector<ProviderKindInfo> out;
  for (const auto& k : provider_kinds())
    if (!is_school_unit(k.kind)) out.push_back(k);
  return out;
}

bool watched_for_registration(ProviderKind k) {
  return k == ProviderKind::Unregistered || k == ProviderKind::Online || k == ProviderKind::Tutor ||
         k == ProviderKind::WorkBasedPlacement;
}

const ProviderKindInfo& provider_kind_info(ProviderKind k) {
  for (const auto& i : provider_kinds())
    if (i.kind == k) return i;
  return provider_kinds().front();
}

std::optional<ProviderKind> parse_provider_kind(std::string_view code) {
  for (const auto& i : provider_kinds())
    if (i.code == code) return i.kind;
  return std::nullopt;
}

const std::vector<CheckTypeInfo>& check_types() {
  static const std::vector<CheckTypeInfo> types = {
      {CheckType::RegistrationVerified, "registration", "Registration verified",
       "URN checked in Get Information about Schools, or UKPRN on the register of learning providers", 365, false},
      {CheckType::StaffSafeguardingChecks, "staff_checks", "Staff safeguarding checks confirmed",
       "Written confirmation that enhanced DBS and the other staff checks a school would make have been made", 365,
       false},
      {CheckType::SingleCentralRecord, "single_central_record", "Single central record seen",
       "The provider's record of staff checks, seen by the person verifying", 365, false},
      {CheckType::DesignatedSafeguardingLead, "dsl", "Designated safeguarding lead named",
       "Name, training date and contact details of the provider's safeguarding lead", 365, false},
      {CheckType::SafeguardingPolicy, "safeguarding_policy", "Safeguarding and child protection policy",
       "The current policy, reviewed within the year", 365, false},
      {CheckType::SiteRiskAssessment, "site_risk_assessment", "Site risk assessment",
       "A risk assessment of the site where pupils are taught", 365, true},
      {CheckType::HealthAndSafety, "health_and_safety", "Health and safety", "Health and safety policy and checks", 365,
       false},
      {CheckType::Insurance, "insurance", "Employer's and public liability insurance", "Current insurance certificates",
       365, false},
      {CheckType::DataProtectionAgreement, "data_protection", "Data protection agreement",
       "A signed agreement on sharing and keeping pupils' data", 1095, false},
      {CheckType::QualityAssuranceVisit, "qa_visit", "Quality-assurance visit", "Visit notes and outcome", 365, false},
      {CheckType::NationalStandardsSelfAssessment, "national_standards", "Self-assessment against national standards",
       "The provider's self-assessment against the national standards for non-school AP", 365, false},
  };
  return types;
}

const CheckTypeInfo& check_type_info(CheckType t) {
  for (const auto& i : check_types())
    if (i.type == t) return i;
  return check_types().front();
}

std::optional<CheckType> parse_check_type(std::string_view code) {
  for (const auto& i : check_types())
    if (i.code == code) return i.type;
  return std::nullopt;
}

int valid_days(CheckType t, const CheckValidity& overrides) {
  const auto it = overrides.find(t);
  return it != overrides.end() ? it->second : check_type_info(t).valid_days;
}

std::chrono::year_month_day default_expiry(CheckType t, std::chrono::year_month_day completed,
                                           const CheckValidity& overrides) {
  // Valid for N days counting the day of the check itself.
  return std::chrono::year_month_day{std::chrono::sys_days(completed) +
                                     std::chrono::days(valid_days(t, overrides) - 1)};
}

ValidityOverride parse_check_validity(std::string_view text) {
  ValidityOverride out;
  const auto eq = text.find('=');
  const auto code = text.substr(0, eq);
  const auto type = parse_check_type(code);
  if (eq == std::string_view::npos || !type) {
    out.problem =
        "check validity must read TYPE=DAYS with a check type such as insurance, not \"" + std::string(text) + "\"";
    return out;
  }
  const auto days = text.substr(eq + 1);
  int n = 0;
  for (char c : days) {
    if (c < '0' || c > '9' || n > 100000) {
      n = -1;
      break;
    }
    n = n * 10 + (c - '0');
  }
  if (days.empty() || n < 1 || n > 3660) {
    out.problem = "check validity for " + std::string(code) + " must be a number of days from 1 to 3660";
    return out;
  }
  out.type = *type;
  out.days = n;
  return out;
}

std::vector<CheckType> required_checks(ProviderKind k) {
  const auto& info = provider_kind_info(k);
  std::vector<CheckType> out;
  if (is_school_unit(k)) return out;
  // Registration is verified where the provider is registered (a school, or a learning provider);
  // an unregistered provider has nothing to verify, which the registration-threshold monitor watches.
  if (info.needs_urn || info.needs_ukprn) out.push_back(CheckType::RegistrationVerified);
  for (auto t :
       {CheckType::StaffSafeguardingChecks, CheckType::SingleCentralRecord, CheckType::DesignatedSafeguardingLead,
        CheckType::SafeguardingPolicy, CheckType::SiteRiskAssessment, CheckType::HealthAndSafety, CheckType::Insurance,
        CheckType::DataProtectionAgreement, CheckType::QualityAssuranceVisit})
    out.push_back(t);
  if (!info.is_school) out.push_back(CheckType::NationalStandardsSelfAssessment);
  return out;
}

}  // namespace waypoint::domain
