#include "app/kernel/audit_trail.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/kernel/envelope.hpp"
#include "app/kernel/errors.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/contact.hpp"
#include "domain/kernel/numbers.hpp"
#include "store/accounts/user_store.hpp"
#include "store/kernel/audit_files.hpp"

namespace waypoint::app {
namespace {

std::optional<std::int64_t> id_field(const std::string& value, const char* field, const char* message,
                                     domain::FieldErrors& errors) {
  if (value.empty()) return std::nullopt;
  if (auto n = domain::parse_whole_number(value); n && *n > 0) return n;
  errors.push_back({field, message});
  return std::nullopt;
}

std::optional<std::string> date_field(const std::string& value, const char* field, const char* label,
                                      domain::FieldErrors& errors) {
  if (value.empty()) return std::nullopt;
  if (!domain::parse_date(value)) {
    errors.push_back({field, std::string(label) + " must be a real date, like 2026-09-01"});
    return std::nullopt;
  }
  return value;
}

}  // namespace

store::Page<store::AuditListing> search_audit_trail(const Services& s, const Actor& a, const AuditQuery& q,
                                                    const store::PageRequest& page) {
  return run(
      s, a, {"audit.search", domain::Action::SearchAudit, "audit"}, [&](store::Connection& c, AuditRecord& entry) {
        domain::FieldErrors errors;
        store::AuditFilter f;
        if (q.user.find('@') != std::string::npos) {
          if (auto u = store::find_user_by_email(c, domain::normalise_email(q.user)))
            f.user_id = u->id;
          else
            errors.push_back({"user", "No user has the email address " + domain::normalise_email(q.user)});
        } else {
          f.user_id = id_field(q.user, "user", "User must be a number, like 42, or an email address", errors);
        }
        f.pupil_id = id_field(q.pupil_id, "pupil_id", "Pupil must be a number, like 42", errors);
        f.from = date_field(q.from, "from", "From date", errors);
        f.until = date_field(q.until, "until", "To date", errors);
        if (f.from && f.until && *f.until < *f.from)
          errors.push_back({"until", "To date must be the same as or after the from date"});
        if (!errors.empty()) throw Invalid(errors);
        entry.pupil_id = f.pupil_id;
        entry.detail =
            nlohmann::json{{"user", q.user}, {"pupil_id", q.pupil_id}, {"from", q.from}, {"until", q.until}}.dump();
        return store::search_audit(c, f, page);
      });
}

ChainReport verify_audit_chain(const Services& s) {
  ChainReport report;
  const auto file = store::read_checkpoints(s.settings.audit_checkpoints);
  s.db.with_connection([&](store::Connection& c) {
    // Once retention has disposed of the oldest entries, the chain is checked from the first kept
    // one, which must link to the signed record of the last disposed of.
    const auto start = store::audit_trail_start(c);
    if (start && !domain::checkpoint_signed(*start, s.settings.audit_key)) {
      report.first_break = domain::ChainBreak{
          start->last_id + 1, "the record that retention disposed of entries up to " + std::to_string(start->last_id) +
                                  " is not signed with this trail's key"};
      return;
    }
    domain::ChainVerifier verifier(s.settings.audit_key, start ? start->head : domain::kAuditGenesisHash);
    store::walk_audit_chain(c, [&](const domain::AuditEntry& e) {
      report.first_break = verifier.check(e);
      return !report.first_break;
    });
    report.entries_checked = verifier.checked();
    if (report.first_break) return;
    if (!file.unreadable_lines.empty()) {
      report.first_break = domain::ChainBreak{0, "line " + std::to_string(file.unreadable_lines.front()) + " of " +
                                                     s.settings.audit_checkpoints + " is not a checkpoint"};
      return;
    }
    const auto head = store::audit_head(c);
    std::int64_t trusted_to = 0;  // the last entry a checkpoint vouched for
    for (const auto& cp : file.checkpoints) {
      if (!domain::checkpoint_signed(cp, s.settings.audit_key)) {
        report.first_break =
            domain::ChainBreak{cp.last_id, "the checkpoint of " + cp.at + " is not signed with this trail's key"};
        return;
      }
      std::optional<std::string> hash;
      if (start && cp.last_id < start->last_id)
        hash = cp.head;  // it vouched for entries retention has since disposed of
      else if (start && cp.last_id == start->last_id)
        hash = start->head;
      else if (cp.last_id <= head.last_id)
        hash = store::audit_hash_of(c, cp.last_id);
      if ((report.first_break = domain::compare_with_checkpoint(cp, hash, head.last_id, trusted_to))) return;
      trusted_to = std::max(trusted_to, cp.last_id);
      ++report.checkpoints_checked;
    }
  });
  return report;
}

domain::AuditCheckpoint write_audit_checkpoint(const Services& s) {
  domain::AuditCheckpoint cp;
  s.db.with_connection([&](store::Connection& c) {
    const auto head = store::audit_head(c);
    cp = {s.now_iso(), head.entries, head.last_id, head.hash, ""};
  });
  cp = domain::signed_checkpoint(cp, s.settings.audit_key);
  store::append_checkpoint(s.settings.audit_checkpoints, cp);
  return cp;
}

}  // namespace waypoint::app
