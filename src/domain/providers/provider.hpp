#pragma once
// Kinds of provider and the checks a commissioner needs before placing a pupil there.
// The table of check types is the one place their names, evidence and validity live.
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace waypoint::domain {

enum class ProviderKind {
  StateApSchool,       // state AP school or pupil referral unit
  ApAcademy,           // AP academy or free school
  IndependentSchool,   // registered independent school
  FeCollege,           // further education college
  Unregistered,        // unregistered provider
  Online,              // online provider
  Tutor,               // tutor or tuition agency
  WorkBasedPlacement,  // work-based placement
  SchoolUnit,          // a school's own on-site unit (inclusion or learning support): Tier 1 support
};

struct ProviderKindInfo {
  ProviderKind kind;
  std::string_view code;
  std::string_view label;
  bool needs_urn;    // a school: registered with DfE, in Get Information about Schools
  bool needs_ukprn;  // a learning provider on the UK Register of Learning Providers
  bool is_school;    // the voluntary national standards are for non-school AP only
};

const std::vector<ProviderKindInfo>& provider_kinds();
// A school's own unit is added by its school, is offered only to that school and needs none of the
// checks an outside provider does: its site, staff and safeguarding are the school's own.
bool is_school_unit(ProviderKind k);
// The kinds an LA puts in its directory: every kind but a school's own unit.
std::vector<ProviderKindInfo> directory_kinds();
// Providers that are not registered schools or colleges: if they teach full time, they may have to
// register as an independent school (see registration_threshold.hpp).
bool watched_for_registration(ProviderKind k);
const ProviderKindInfo& provider_kind_info(ProviderKind k);
std::optional<ProviderKind> parse_provider_kind(std::string_view code);

enum class CheckType {
  RegistrationVerified,
  StaffSafeguardingChecks,
  SingleCentralRecord,
  DesignatedSafeguardingLead,
  SafeguardingPolicy,
  SiteRiskAssessment,
  HealthAndSafety,
  Insurance,
  DataProtectionAgreement,
  QualityAssuranceVisit,
  NationalStandardsSelfAssessment,
};

struct CheckTypeInfo {
  CheckType type;
  std::string_view code;
  std::string_view label;
  std::string_view evidence;  // what counts as evidence
  int valid_days;             // default validity; configurable per deployment
  bool per_site;
};

const std::vector<CheckTypeInfo>& check_types();
const CheckTypeInfo& check_type_info(CheckType t);
std::optional<CheckType> parse_check_type(std::string_view code);

// When a check runs out if nobody says otherwise: its type's validity, counting the day of the check.
// How long each type of check stays valid where a deployment sets its own; the table's days otherwise.
using CheckValidity = std::map<CheckType, int>;
int valid_days(CheckType t, const CheckValidity& overrides = {});
std::chrono::year_month_day default_expiry(CheckType t, std::chrono::year_month_day completed,
                                           const CheckValidity& overrides = {});
// "insurance=365" as typed in configuration: the type and days (1 to 3660), or why not.
struct ValidityOverride {
  CheckType type = CheckType::RegistrationVerified;
  int days = 0;
  std::string problem;  // empty when it reads
};
ValidityOverride parse_check_validity(std::string_view text);

// The checks a provider of this kind must have current (per site where the check is per site).
std::vector<CheckType> required_checks(ProviderKind k);

}  // namespace waypoint::domain
