#include "domain/retention/retention_schedule.hpp"

#include <stdexcept>

#include "domain/kernel/numbers.hpp"

namespace waypoint::domain {

using namespace std::chrono;

const std::vector<RetentionRule>& retention_rules() {
  static const std::vector<RetentionRule> rules{
      {RecordType::AttendanceRegister, "attendance_register", "Attendance registers", RetentionBasis::EntryDate, 6},
      {RecordType::PupilApRecord, "pupil_ap_record", "The pupil's AP record", RetentionBasis::DateOfBirth, 25},
      {RecordType::SenRecord, "sen_record", "The AP record of a pupil with SEN", RetentionBasis::DateOfBirth, 31},
      {RecordType::SafeguardingRecord, "safeguarding_record", "Safeguarding concerns", RetentionBasis::DateOfBirth, 50},
      {RecordType::AuditTrail, "audit_trail", "The audit trail", RetentionBasis::EntryDate, 7},
      {RecordType::ProviderEvidence, "provider_evidence", "A provider's checks and evidence",
       RetentionBasis::LeftDirectory, 6},
  };
  return rules;
}

std::string_view counted_from(RetentionBasis basis) {
  switch (basis) {
    case RetentionBasis::DateOfBirth:
      return "the pupil's date of birth";
    case RetentionBasis::LeftDirectory:
      return "the day the provider left the directory";
    case RetentionBasis::EntryDate:
      break;
  }
  return "each entry's date";
}

const RetentionRule& retention_rule(RecordType t) { return retention_rules().at(static_cast<std::size_t>(t)); }

std::optional<RecordType> parse_record_type(std::string_view code) {
  for (const auto& r : retention_rules())
    if (r.code == code) return r.type;
  return std::nullopt;
}

RetentionSchedule::RetentionSchedule() {
  for (const auto& r : retention_rules()) years_.push_back(r.default_years);
}

int RetentionSchedule::years(RecordType t) const { return years_.at(static_cast<std::size_t>(t)); }

void RetentionSchedule::set_years(RecordType t, int years) {
  if (years < kFewestRetentionYears || years > kMostRetentionYears)
    throw std::invalid_argument("retention years out of range");
  years_.at(static_cast<std::size_t>(t)) = years;
}

std::optional<std::string> retention_years_problem(std::string_view text) {
  const auto n = parse_whole_number(text);
  if (!n || *n < kFewestRetentionYears || *n > kMostRetentionYears)
    return "Years must be a whole number from " + std::to_string(kFewestRetentionYears) + " to " +
           std::to_string(kMostRetentionYears) + ", like 6";
  return std::nullopt;
}

year_month_day disposable_through(year_month_day today, int years) {
  const year_month_day same{today.year() - std::chrono::years(years), today.month(), today.day()};
  if (same.ok()) return same;
  return year_month_day{same.year(), February, day(28)};
}

PupilRetention pupil_retention(const RetentionSchedule& schedule, year_month_day born, bool has_sen,
                               year_month_day today) {
  PupilRetention r;
  r.ap_rule = has_sen ? RecordType::SenRecord : RecordType::PupilApRecord;
  r.ap_record_from = anniversary(born, schedule.years(r.ap_rule));
  r.concerns_from = anniversary(born, schedule.years(RecordType::SafeguardingRecord));
  r.ap_record = sys_days(today) >= sys_days(r.ap_record_from);
  r.concerns = sys_days(today) >= sys_days(r.concerns_from);
  return r;
}

}  // namespace waypoint::domain
