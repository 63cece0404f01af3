#pragma once
// The envelope every use case runs in: one transaction that loads the subject, asks the access
// policy, runs the work and writes one audit entry; or, refused, writes the refusal and nothing
// else. Deciding and auditing here, once, is what keeps a page and an API call to the same record
// from drifting apart, and a forgotten audit line from going unnoticed.
#include <cstdint>
#include <future>
#include <optional>
#include <string>
#include <system_error>
#include <type_traits>

#include "app/kernel/access.hpp"
#include "app/kernel/actor.hpp"
#include "app/kernel/audit.hpp"
#include "app/kernel/errors.hpp"
#include "app/kernel/services.hpp"
#include "domain/kernel/access_policy.hpp"
#include "store/kernel/database.hpp"

namespace waypoint::app {

// What a use case says of itself.
struct UseCase {
  std::string name;       // the audit action, like "provider.check_verify"; refusals add "_refused"
  domain::Action action;  // what the policy is asked
  std::string entity;     // the kind of record, for the audit entry
  // Reads of what is not personal data (the provider directory) audit only their refusals, so
  // browsing the directory does not queue on the audit trail's lock.
  bool audit_when_allowed = true;
  // A use case that only reads (a page) runs outside the writer's lock (Database::read) and is
  // audited in a short transaction after it: registers being sent must not wait for a report, nor
  // pages on SQLite for each other's reads. Nothing is shown before its audit entry is committed.
  bool reads_only = false;
};

// The record a use case acts on, with the facts the policy decides on.
template <class Record>
struct Subject {
  Record record;
  domain::Scope scope;
  std::optional<std::int64_t> entity_id;
  std::optional<std::int64_t> pupil_id;
};

// For use cases about no record in particular: adding one, listing one's own.
struct Nothing {};

// The audit record of `use_case` refused.
AuditRecord refusal_of(const UseCase& use_case, std::optional<std::int64_t> entity_id,
                       std::optional<std::int64_t> pupil_id);
// Writes the refusal of `use_case` to the audit trail inside `c`.
void audit_refused(store::Connection& c, const Services& s, const Actor& a, const UseCase& use_case,
                   std::optional<std::int64_t> entity_id, std::optional<std::int64_t> pupil_id);

// Throws what a refusal means to the caller: NotFound for a record that is not the actor's to know
// about, Denied (already audited) for one they see but may not act on.
[[noreturn]] void refuse(domain::Decision d);

// Runs `work(connection, subject, audit_record)` for the subject `load(connection)` finds, if the
// policy allows. `load` answers std::nullopt for a record that does not exist, which is refused as
// one that is hidden. The work may add detail to the audit record, or change its entity id; it
// answers the use case's result.
template <class Load, class Work>
auto run(const Services& s, const Actor& a, const UseCase& use_case, Load load, Work work) {
  using Loaded = typename std::invoke_result_t<Load, store::Connection&>::value_type;
  using Result = std::invoke_result_t<Work, store::Connection&, Loaded&, AuditRecord&>;
  constexpr bool returns_nothing = std::is_void_v<Result>;
  std::optional<std::conditional_t<returns_nothing, bool, Result>> result;
  domain::Decision decision = domain::Decision::Hide;
  std::optional<std::int64_t> refused_entity, refused_pupil;
  // Writes are audited in their own transaction; reads that may run outside the writer's lock
  // are audited in a short transaction after them.
  const bool in_one_transaction = use_case.audit_when_allowed && !use_case.reads_only;
  std::optional<AuditRecord> audit_after;
  std::optional<store::AuditChainHead> written;  // the head a write's entry leaves, once committed
  const auto attempt = [&](store::Connection& c) {
    auto subject = load(c);
    decision = subject ? domain::decide(principal_of(a), use_case.action, subject->scope) : domain::Decision::Hide;
    if (decision != domain::Decision::Allow) {
      if (subject) refused_entity = subject->entity_id, refused_pupil = subject->pupil_id;
      if (in_one_transaction) audit_refused(c, s, a, use_case, refused_entity, refused_pupil);
      return;  // the refusal is committed; the caller is told after the transaction ends
    }
    AuditRecord entry{use_case.name, use_case.entity, subject->entity_id, subject->pupil_id, "{}"};
    if constexpr (returns_nothing) {
      work(c, *subject, entry);
      result = true;
    } else {
      result = work(c, *subject, entry);
    }
    if (in_one_transaction)
      written = audit(c, s, &a, entry);
    else if (use_case.audit_when_allowed)
      audit_after = std::move(entry);
  };
  if (in_one_transaction) {
    s.db.transaction(attempt);
    if (written) note_audit_head(s, *written);
  } else {
    s.db.read(attempt);
    if (decision != domain::Decision::Allow)
      audit_alone(s, a, refusal_of(use_case, refused_entity, refused_pupil));
    else if (audit_after)
      audit_alone(s, a, *audit_after);
  }
  if (decision != domain::Decision::Allow) refuse(decision);
  if constexpr (!returns_nothing) return std::move(*result);
}

// A read of a use case's own work on a connection of its own, started from inside that work once the
// policy has allowed it, and answered when the work asks the future for it: for a long read of a
// reads_only use case that the rest of its work need not wait on, so the database and the server work
// at once on a machine's two cores. It reads its own moment, not the work's snapshot: for what need
// not agree to the commit with the rest of the page (an area's year beside its half term). Never a
// write: only the envelope's connection holds the use case's transaction and its audit entry.
// At most kReadsBeside run at once in a process: each holds a thread and a connection of its own,
// and under load the cores are busy with other requests anyway. Beyond them, or when no thread can be
// had, the read waits for the work to ask for it and runs then on the work's own connection `held`.
constexpr int kReadsBeside = 2;
bool begin_read_beside();  // takes one of the kReadsBeside, if one is free
void end_read_beside();
template <class Read>
auto read_beside(const Services& s, store::Connection& held, Read read) {
  using Result = std::invoke_result_t<Read, store::Connection&>;
  const auto in_turn = [&held, read] { return read(held); };
  if (!begin_read_beside()) return std::async(std::launch::deferred, in_turn);
  try {
    return std::async(std::launch::async, [&s, read] {
      struct Ended {
        ~Ended() { end_read_beside(); }
      } ended;
      std::optional<Result> out;
      s.db.with_connection([&](store::Connection& c) { out = read(c); });
      return std::move(*out);
    });
  } catch (const std::system_error&) {  // no thread to be had
    end_read_beside();
    return std::async(std::launch::deferred, in_turn);
  }
}

// Whether the policy would allow `action` on the subject `load` finds: for what a page offers.
template <class Load>
bool may(const Services& s, const Actor& a, domain::Action action, Load load) {
  bool answer = false;
  s.db.with_connection([&](store::Connection& c) {
    if (const auto subject = load(c))
      answer = domain::decide(principal_of(a), action, subject->scope) == domain::Decision::Allow;
  });
  return answer;
}

// The same for a use case about no record in particular: the policy sees an empty scope.
template <class Work>
auto run(const Services& s, const Actor& a, const UseCase& use_case, Work work) {
  return run(
      s, a, use_case, [](store::Connection&) { return std::optional(Subject<Nothing>{}); },
      [&](store::Connection& c, Subject<Nothing>&, AuditRecord& entry) { return work(c, entry); });
}

}  // namespace waypoint::app
