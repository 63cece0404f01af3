#include "app/kernel/audit.hpp"

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

void audit_alone(const Services& s, const Actor& actor, const AuditRecord& r) {
  auto* hint = s.audit_chain.get();
  if (!hint || s.db.engine() != store::Engine::Postgres) {
    s.db.transaction([&](store::Connection& c) { audit(c, s, &actor, r); });
    return;
  }
  const auto entry = entry_of(s, &actor, r, {});
  const std::lock_guard turn(hint->turn);
  std::vector<domain::AuditEntry> written;
  if (hint->head) {
    bool appended = false;
    s.db.transaction([&](store::Connection& c) {
      written = store::append_audit_entries_after(c, {entry}, s.settings.audit_key, *hint->head, appended);
    });
    if (!appended) written.clear();
  }
  if (written.empty())
    s.db.transaction(
        [&](store::Connection& c) { written = store::append_audit_entries(c, {entry}, s.settings.audit_key); });
  hint->head = store::AuditChainHead{written.back().id, written.back().hash};
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
