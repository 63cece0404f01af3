#pragma once
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "app/kernel/actor.hpp"
#include "app/kernel/services.hpp"
#include "store/kernel/audit_store.hpp"
#include "store/kernel/database.hpp"

namespace waypoint::app {

struct AuditRecord {
  std::string action;
  std::string entity;
  std::optional<std::int64_t> entity_id;
  std::optional<std::int64_t> pupil_id;
  std::string detail = "{}";  // JSON: what changed
};

// Appends to the audit trail inside the caller's transaction, so the record and the change stand
// or fall together. `actor` is empty for events with nobody signed in (a failed sign-in).
// Answers the chain's head as the entry leaves it, for note_audit_head once the transaction commits.
store::AuditChainHead audit(store::Connection& c, const Services& s, const Actor* actor, const AuditRecord& r,
                            const std::string& client = {});

// Several records of one change (each mark of a register), appended together: one read and one
// write of the chain's head for all of them.
void audit_each(store::Connection& c, const Services& s, const Actor& actor, const std::vector<AuditRecord>& records);

// The audit chain's head as this process last sent an entry after it on its own (audit_alone), so
// that the next entry can go after it without reading it first. One entry at a time is sent through
// it (the turn is not held while the server answers), which is no narrower than before: the
// chain's lock in the database already let one writer at a time through.
struct AuditChainHint {
  std::mutex turn;
  std::optional<store::AuditChainHead> head;
};

// Appends `r` in a transaction of its own: a page's entry, written after its reads. On PostgreSQL,
// with the head this process last wrote (Services::audit_chain), it is one message to the server,
// BEGIN to COMMIT, instead of two; when another writer has moved the head since, nothing was
// written and it is appended as any other entry. On a thread that owes its audits (AuditsOwed) that
// message is sent and its answer left for AuditsOwed::settle.
void audit_alone(const Services& s, const Actor& actor, const AuditRecord& r);

// While one is alive on a thread, a page's entry (audit_alone) on PostgreSQL is sent and committed
// while the page is made from what was read, instead of before: the server commits on one core while
// the page is made on the other. settle() waits for the commit, and the page is shown only after it.
class AuditsOwed {
 public:
  AuditsOwed();
  ~AuditsOwed();  // waits for what is still owed, letting a failure go: the page it was for is not shown
  AuditsOwed(const AuditsOwed&) = delete;
  AuditsOwed& operator=(const AuditsOwed&) = delete;
  // Throws what the entry's transaction met, as audit_alone would have.
  void settle();
};

// Tells this process's hint the head a committed transaction left (a write use case's entry), so
// that the next page's entry goes in one message instead of finding the hint out of date.
void note_audit_head(const Services& s, const store::AuditChainHead& head);

// Records, in its own transaction, that the actor was refused something.
void audit_refusal(const Services& s, const Actor& actor, const std::string& what);

}  // namespace waypoint::app
