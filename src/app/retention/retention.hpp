#pragma once
// Keeping each kind of record as long as the schedule says, then disposing of it with a record:
// the schedule, legal holds, the run (or a dry run listing what it would do), and the disposal log.
// Administrators only (the policy's KeepRetention); the command line acts as one.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/kernel/actor.hpp"
#include "app/kernel/services.hpp"
#include "domain/retention/retention_schedule.hpp"
#include "store/retention/retention_store.hpp"

namespace waypoint::app {

struct ScheduleLine {
  const domain::RetentionRule* rule = nullptr;
  int years = 0;
  std::optional<std::string> changed_at;  // nothing while it is the default
};
std::vector<ScheduleLine> retention_schedule(const Services& s, const Actor& a);
// `record_type` is a rule's code; `years` as typed.
void set_retention_years(const Services& s, const Actor& a, const std::string& record_type, const std::string& years);

struct HoldForm {
  std::string pupil;     // a pupil's number or UPN, or empty
  std::string provider;  // a provider's number, or empty
  std::string reason;
};
std::int64_t place_legal_hold(const Services& s, const Actor& a, const HoldForm& f);
void lift_legal_hold(const Services& s, const Actor& a, const std::string& hold_id, const std::string& reason);
std::vector<store::LegalHold> legal_holds(const Services& s, const Actor& a);

// One thing the schedule disposes of: a pupil's AP record or concerns, the attendance marks past
// their date, or the oldest audit entries.
struct DueDisposal {
  domain::RecordType rule;
  std::string subject;  // "pupil", "attendance registers", "audit trail"
  std::optional<std::int64_t> subject_id;
  std::string disposable_from;  // ISO date: the first day it could go
  store::RecordCounts records;  // rows per table
};

struct RetentionRun {
  std::string as_of;  // ISO date
  bool dry_run = true;
  std::vector<DueDisposal> disposals;
  std::vector<std::int64_t> held_pupils;  // reached by a rule but held
};
// Lists what has passed its date and, unless `dry_run`, disposes of it: each item in a transaction
// of its own, with its line in the disposal log and an audit entry naming the rule and the count.
RetentionRun run_retention(const Services& s, const Actor& a, bool dry_run);

// The disposal log between two dates (ISO, inclusive; empty for no limit), oldest first.
store::Page<store::Disposal> disposal_log(const Services& s, const Actor& a, const std::string& from,
                                          const std::string& until, const store::PageRequest& page);

}  // namespace waypoint::app
