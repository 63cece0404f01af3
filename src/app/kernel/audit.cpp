#include "app/kernel/audit.hpp"

#include <memory>
#include <nlohmann/json.hpp>

#include "store/kernel/audit_store.hpp"

namespace waypoint::app {

namespace {

domain::AuditEntry entry_of(const Services& s, const Actor* actor, const AuditRecord& r, const std::string& client) {
  domain::AuditEntry e;
  e.at = s.now_iso();
  if (actor && actor->user_id != 0) {  // the command-line operator has no account
    e.user_id = actor->user_id;
    e.organisation_id = actor->organisation_id;
  }
  e.action = r.action;
  e.entity = r.entity;
  e.entity_id = r.entity_id;
  e.pupil_id = r.pupil_id;
  e.client = actor && client.empty() ? actor->client : client;
  e.detail = r.detail;
  return e;
}

}  // namespace

store::AuditChainHead audit(store::Connection& c, const Services& s, const Actor* actor, const AuditRecord& r,
                            const std::string& client) {
  const auto e = store::append_audit_entry(c, entry_of(s, actor, r, client), s.settings.audit_key);
  return {e.id, e.hash};
}

void audit_each(store::Connection& c, const Services& s, const Actor& actor, const std::vector<AuditRecord>& records) {
  std::vector<domain::AuditEntry> entries;
  entries.reserve(records.size());
  for (const auto& r : records) entries.push_back(entry_of(s, &actor, r, {}));
  store::append_audit_entries(c, std::move(entries), s.settings.audit_key);
}

namespace {

// A page's entry sent, its transaction's answer not yet read (AuditsOwed).
struct OwedAudit {
  const Services* s;
  domain::AuditEntry entry;
  bool appended = false;  // set when the answer is read, if the head was still the one expected
  std::optional<store::Database::Committing> committing;
};
thread_local int audits_owed_here = 0;  // AuditsOwed alive on this thread
thread_local std::unique_ptr<OwedAudit> owed_audit;

// Appends `entry` as any other entry, reading the head under its lock, and tells the hint.
void append_reading_head(const Services& s, AuditChainHint& hint, const domain::AuditEntry& entry) {
  const std::lock_guard turn(hint.turn);
  std::vector<domain::AuditEntry> written;
  s.db.transaction(
      [&](store::Connection& c) { written = store::append_audit_entries(c, {entry}, s.settings.audit_key); });
  hint.head = store::AuditChainHead{written.back().id, written.back().hash};
}

void settle_audit(std::unique_ptr<OwedAudit> o) {
  o->committing->answered();
  if (!o->appended) append_reading_head(*o->s, *o->s->audit_chain, o->entry);
}

}  // namespace

void audit_alone(const Services& s, const Actor& actor, const AuditRecord& r) {
  auto* hint = s.audit_chain.get();
  if (!hint || s.db.engine() != store::Engine::Postgres) {
    s.db.transaction([&](store::Connection& c) { audit(c, s, &actor, r); });
    return;
  }
  if (owed_audit) settle_audit(std::move(owed_audit));  // a thread's entries go in the order it made them
  auto o = std::make_unique<OwedAudit>(OwedAudit{&s, entry_of(s, &actor, r, {}), false, std::nullopt});
  {
    const std::lock_guard turn(hint->turn);
    if (hint->head) {
      std::vector<domain::AuditEntry> written;
      o->committing.emplace(s.db.transaction_sent([&](store::Connection& c) {
        written = store::append_audit_entries_after(c, {o->entry}, s.settings.audit_key, *hint->head, o->appended);
      }));
      // The next entry is sent to follow this one before this one is answered. Should this one find
      // the head moved, so will that one, and each is appended again by reading the head.
      hint->head = store::AuditChainHead{written.back().id, written.back().hash};
    }
  }
  if (!o->committing) return append_reading_head(s, *hint, o->entry);
  if (audits_owed_here > 0) {
    owed_audit = std::move(o);
    return;
  }
  settle_audit(std::move(o));
}

AuditsOwed::AuditsOwed() { ++audits_owed_here; }

AuditsOwed::~AuditsOwed() {
  if (--audits_owed_here > 0 || !owed_audit) return;
  try {
    settle_audit(std::move(owed_audit));
  } catch (...) {
  }
}

void AuditsOwed::settle() {
  if (owed_audit) settle_audit(std::move(owed_audit));
}

void note_audit_head(const Services& s, const store::AuditChainHead& head) {
  auto* hint = s.audit_chain.get();
  if (!hint || s.db.engine() != store::Engine::Postgres) return;
  // A page's entry under way will set the hint itself: the write does not wait for it.
  const std::unique_lock turn(hint->turn, std::try_to_lock);
  if (turn && (!hint->head || hint->head->last_id < head.last_id)) hint->head = head;
}

void audit_refusal(const Services& s, const Actor& actor, const std::string& what) {
  s.db.transaction([&](store::Connection& c) {
    audit(c, s, &actor,
          {"access.refused", "request", std::nullopt, std::nullopt, nlohmann::json{{"request", what}}.dump()});
  });
}

}  // namespace waypoint::app
