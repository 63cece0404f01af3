#pragma once
// The retention schedule, legal holds, the disposal log, and the records each rule disposes of.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/kernel/database.hpp"
#include "store/kernel/page.hpp"

namespace waypoint::store {

struct RetentionRuleRow {
  std::string record_type;
  int years = 0;
  std::optional<std::string> changed_at;
};
std::vector<RetentionRuleRow> retention_rule_rows(Connection& c);
void set_retention_years(Connection& c, const std::string& record_type, int years, const std::string& now);

struct LegalHold {
  std::int64_t id = 0;
  std::optional<std::int64_t> pupil_id;
  std::optional<std::int64_t> provider_id;
  std::string reason;
  std::string placed_by;
  std::string placed_at;
  std::optional<std::string> lifted_by;
  std::optional<std::string> lifted_at;
  std::optional<std::string> lift_reason;
};
std::int64_t place_legal_hold(Connection& c, const LegalHold& h);
std::optional<LegalHold> find_legal_hold(Connection& c, std::int64_t id);
void lift_legal_hold(Connection& c, std::int64_t id, const std::string& by, const std::string& at,
                     const std::string& reason);
// Current holds first, then lifted ones, newest first.
std::vector<LegalHold> legal_holds(Connection& c);

// Rows per table, in the order they were counted; tables with none are left out.
using RecordCounts = std::vector<std::pair<std::string, std::int64_t>>;
std::int64_t total(const RecordCounts& counts);

// A pupil old enough for a rule to reach, with what decides which.
struct PupilForRetention {
  std::int64_t id = 0;
  std::string date_of_birth;
  std::vector<std::string> needs;
  bool held = false;
};
bool pupil_held(Connection& c, std::int64_t pupil_id);
// Pupils born on or before `born_by` (ISO date), oldest first.
std::vector<PupilForRetention> pupils_born_by(Connection& c, const std::string& born_by);

// A pupil's AP record (placements and everything under them, timetables, contacts, alerts) and their
// safeguarding concerns: counted, and deleted when `dispose` is set.
RecordCounts pupil_ap_record(Connection& c, std::int64_t pupil_id, bool dispose);
RecordCounts pupil_concerns(Connection& c, std::int64_t pupil_id, bool dispose);
// Deletes the pupil's own row once nothing of theirs is left; answers whether it did.
bool dispose_pupil_if_nothing_left(Connection& c, std::int64_t pupil_id);

// Attendance marks of sessions on or before `through` (ISO date), except those of a held pupil or
// kept by a held provider: counted, and deleted when `dispose` is set.
std::int64_t attendance_marks_through(Connection& c, const std::string& through, bool dispose);

// Providers that left the directory on or before `through` (ISO date), with when, and whether held.
struct ProviderForRetention {
  std::int64_t id = 0;
  std::string left_directory_on;
  bool held = false;
};
std::vector<ProviderForRetention> providers_left_by(Connection& c, const std::string& through);
bool provider_held(Connection& c, std::int64_t provider_id);
// A provider's checks, their files, and the files' contents no other check uses: counted, and
// deleted when `dispose` is set.
RecordCounts provider_evidence(Connection& c, std::int64_t provider_id, bool dispose);

// The last audit entry that may go: written before the instant `written_before` (ISO, UTC) with nothing held
// before it; nothing when none may. A held pupil's or provider's entries stop the trail there,
// since its chain can only be cut from its start.
struct AuditPrefix {
  std::int64_t last_id = 0;
  std::int64_t entries = 0;  // how many entries up to last_id the trail holds
};
std::optional<AuditPrefix> disposable_audit_prefix(Connection& c, const std::string& written_before);
// Deletes entries up to `last_id`; audit_trail_start must already say the trail starts after it.
void dispose_audit_entries_through(Connection& c, std::int64_t last_id);

struct Disposal {
  std::int64_t id = 0;
  std::string disposed_at;
  std::string record_type;  // a rule's code
  std::string subject;      // "pupil", "attendance registers", "audit trail"
  std::optional<std::int64_t> subject_id;
  std::string disposable_from;  // ISO date
  std::int64_t records = 0;
  std::string detail;  // JSON: rows per table
};
void log_disposal(Connection& c, const Disposal& d);
// Oldest first, disposed at or after the instant `from` and before `until` (ISO, UTC).
Page<Disposal> disposal_log(Connection& c, const std::string& from, const std::string& until, const PageRequest& page);

}  // namespace waypoint::store
