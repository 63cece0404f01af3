#pragma once
// How long each kind of record is kept, and from which date: the deployment's schedule, whose
// default is the common one for English schools. A record may be disposed of from the anniversary
// of its date `years` on; disposal is what `waypoint retention run` does, never a page.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/kernel/calendar_date.hpp"

namespace waypoint::domain {

enum class RecordType {
  AttendanceRegister,  // each attendance mark, from its session's date
  PupilApRecord,       // placements, plans, timetables, registers, reviews, returns: from birth
  SenRecord,           // the AP record of a pupil with SEN support or an EHC plan: from birth
  SafeguardingRecord,  // safeguarding concerns and what was done about them: from birth
  AuditTrail,          // each audit entry, from when it was written
  ProviderEvidence,    // a provider's checks and their files, from when it left the directory
};

// What a record's retention is counted from.
enum class RetentionBasis { EntryDate, DateOfBirth, LeftDirectory };

struct RetentionRule {
  RecordType type;
  std::string_view code;  // in the schedule table and the disposal log
  std::string_view label;
  RetentionBasis basis;
  int default_years;
};

// "the pupil's date of birth": what the years are counted from, as people read it.
std::string_view counted_from(RetentionBasis basis);

const std::vector<RetentionRule>& retention_rules();
const RetentionRule& retention_rule(RecordType t);
std::optional<RecordType> parse_record_type(std::string_view code);

// A deployment's years for each rule, in the order of retention_rules().
class RetentionSchedule {
 public:
  RetentionSchedule();  // the default schedule
  int years(RecordType t) const;
  void set_years(RecordType t, int years);

 private:
  std::vector<int> years_;
};

// The shortest and longest a deployment may set: below a year nothing would be kept for a
// school year; above 150 a record would outlive anyone it is about.
constexpr int kFewestRetentionYears = 1;
constexpr int kMostRetentionYears = 150;
// A problem with `years` for a rule, in words; nothing when it is allowed.
std::optional<std::string> retention_years_problem(std::string_view text);

// The latest date whose anniversary `years` on is on or before `today`: every record dated on or
// before it has been kept its full time. Answers 28 February where `years` before is a 29 February
// that does not exist.
std::chrono::year_month_day disposable_through(std::chrono::year_month_day today, int years);

// What may go of one pupil's records today.
struct PupilRetention {
  bool ap_record = false;  // their AP record (under the SEN rule when they have SEN)
  bool concerns = false;   // their safeguarding concerns
  RecordType ap_rule = RecordType::PupilApRecord;
  std::chrono::year_month_day ap_record_from;  // the first day the AP record may go
  std::chrono::year_month_day concerns_from;
};
PupilRetention pupil_retention(const RetentionSchedule& schedule, std::chrono::year_month_day born, bool has_sen,
                               std::chrono::year_month_day today);

}  // namespace waypoint::domain
