#include "app/retention/retention.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/kernel/envelope.hpp"
#include "app/kernel/errors.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/numbers.hpp"
#include "domain/kernel/text.hpp"
#include "domain/kernel/text_rules.hpp"
#include "domain/kernel/time.hpp"
#include "domain/pupils/pupil.hpp"
#include "store/accounts/user_store.hpp"
#include "store/kernel/audit_store.hpp"
#include "store/providers/provider_store.hpp"
#include "store/pupils/pupil_account_store.hpp"
#include "store/pupils/pupil_store.hpp"

namespace waypoint::app {
namespace {

using std::chrono::year_month_day;

UseCase keeping(const char* name, const char* entity) { return {name, domain::Action::KeepRetention, entity}; }

domain::RetentionSchedule schedule_in(store::Connection& c) {
  domain::RetentionSchedule schedule;
  for (const auto& row : store::retention_rule_rows(c))
    if (const auto type = domain::parse_record_type(row.record_type))
      schedule.set_years(*type, row.years);  // the table's CHECK keeps years in range
  return schedule;
}

// The instant a day begins on a clock in England, as stored instants are written (UTC): entries and
// disposals are dated by England's day, and in BST its first hour is the day before in UTC.
std::string start_of_day(year_month_day day) {
  return domain::to_iso(*domain::parse_uk_local(domain::format_date(day) + "T00:00"));
}

std::string after_day(year_month_day day) {
  return start_of_day(year_month_day{std::chrono::sys_days(day) + std::chrono::days(1)});
}

nlohmann::json records_json(const store::RecordCounts& counts) {
  auto out = nlohmann::json::object();
  for (const auto& [table, rows] : counts) out[table] = rows;
  return out;
}

// The pupil's records that have passed their dates: their concerns first, so that the AP record,
// disposed of after them, can take the pupil's own row when nothing else of theirs is left.
void due_for_pupil(store::Connection& c, const domain::RetentionSchedule& schedule, year_month_day today,
                   const store::PupilForRetention& p, RetentionRun& run) {
  const auto born = domain::parse_date(p.date_of_birth);
  if (!born) return;
  domain::Pupil pupil;
  pupil.needs = p.needs;
  const auto due = domain::pupil_retention(schedule, *born, pupil.has_sen(), today);
  if (!due.ap_record && !due.concerns) return;
  if (p.held) {
    run.held_pupils.push_back(p.id);
    return;
  }
  const auto concerns = store::pupil_concerns(c, p.id, false);
  if (due.concerns && !concerns.empty())
    run.disposals.push_back(
        {domain::RecordType::SafeguardingRecord, "pupil", p.id, domain::format_date(due.concerns_from), concerns});
  if (!due.ap_record) return;
  auto record = store::pupil_ap_record(c, p.id, false);
  if (due.concerns || concerns.empty()) record.emplace_back("pupils", 1);  // nothing of theirs will be left
  if (!record.empty())
    run.disposals.push_back({due.ap_rule, "pupil", p.id, domain::format_date(due.ap_record_from), record});
}

void due_disposals(store::Connection& c, const domain::RetentionSchedule& schedule, year_month_day today,
                   RetentionRun& run) {
  using domain::RecordType;
  const int fewest = std::min({schedule.years(RecordType::PupilApRecord), schedule.years(RecordType::SenRecord),
                               schedule.years(RecordType::SafeguardingRecord)});
  for (const auto& p : store::pupils_born_by(c, domain::format_date(domain::disposable_through(today, fewest))))
    due_for_pupil(c, schedule, today, p, run);

  const auto marks_through = domain::disposable_through(today, schedule.years(RecordType::AttendanceRegister));
  if (const auto n = store::attendance_marks_through(c, domain::format_date(marks_through), false))
    run.disposals.push_back({RecordType::AttendanceRegister,
                             "attendance registers",
                             std::nullopt,
                             domain::format_date(marks_through),
                             {{"attendance_marks", n}}});

  const auto providers_through = domain::disposable_through(today, schedule.years(RecordType::ProviderEvidence));
  for (const auto& p : store::providers_left_by(c, domain::format_date(providers_through))) {
    if (p.held) continue;  // a hold on a provider keeps its evidence and the registers it kept
    auto evidence = store::provider_evidence(c, p.id, false);
    if (evidence.empty()) continue;
    const auto left = domain::parse_date(p.left_directory_on);
    run.disposals.push_back(
        {RecordType::ProviderEvidence, "provider", p.id,
         left ? domain::format_date(domain::anniversary(*left, schedule.years(RecordType::ProviderEvidence)))
              : p.left_directory_on,
         evidence});
  }

  const auto audit_through = domain::disposable_through(today, schedule.years(RecordType::AuditTrail));
  if (const auto prefix = store::disposable_audit_prefix(c, after_day(audit_through)))
    run.disposals.push_back({RecordType::AuditTrail,
                             "audit trail",
                             prefix->last_id,
                             domain::format_date(audit_through),
                             {{"audit_events", prefix->entries}}});
}

// Checks the chain from where it now starts to `last_id` before anything of it goes: what is
// disposed of must have been the trail as written, since nobody can check it afterwards.
void check_chain_through(store::Connection& c, const Services& s, std::int64_t last_id) {
  const auto start = store::audit_trail_start(c);
  if (start && !domain::checkpoint_signed(*start, s.settings.audit_key))
    throw std::runtime_error(
        "The audit trail's record of entries disposed of before is not signed with this "
        "trail's key: nothing was disposed of. Run `waypoint audit verify`.");
  domain::ChainVerifier verifier(s.settings.audit_key, start ? start->head : domain::kAuditGenesisHash);
  std::optional<domain::ChainBreak> broken;
  store::walk_audit_chain(c, [&](const domain::AuditEntry& e) {
    if (e.id > last_id) return false;
    broken = verifier.check(e);
    return !broken;
  });
  if (broken)
    throw std::runtime_error("The audit trail does not verify at entry " + std::to_string(broken->entry_id) + " (" +
                             broken->reason + "): none of it was disposed of. Run `waypoint audit verify`.");
}

store::RecordCounts dispose(store::Connection& c, const Services& s, const DueDisposal& d) {
  using domain::RecordType;
  if (d.subject == "pupil" && store::pupil_held(c, *d.subject_id)) return {};  // held since the review
  if (d.subject == "provider" && store::provider_held(c, *d.subject_id)) return {};
  switch (d.rule) {
    case RecordType::SafeguardingRecord:
      return store::pupil_concerns(c, *d.subject_id, true);
    case RecordType::PupilApRecord:
    case RecordType::SenRecord: {
      // The pupil's own account goes with the record it opened: it can no longer sign in.
      for (const auto user : store::pupil_account_users(c, *d.subject_id))
        store::set_user_disabled(c, user, true, s.now_iso());
      auto counts = store::pupil_ap_record(c, *d.subject_id, true);
      if (store::dispose_pupil_if_nothing_left(c, *d.subject_id)) counts.emplace_back("pupils", 1);
      return counts;
    }
    case RecordType::ProviderEvidence:
      return store::provider_evidence(c, *d.subject_id, true);
    case RecordType::AttendanceRegister:
      return {{"attendance_marks", store::attendance_marks_through(c, d.disposable_from, true)}};
    case RecordType::AuditTrail: {
      store::lock_audit_chain(c);
      const auto before = store::audit_trail_start(c);
      check_chain_through(c, s, *d.subject_id);
      const auto entries = d.records.front().second;  // the trail is append-only: still as counted
      domain::AuditCheckpoint start{s.now_iso(), (before ? before->entries : 0) + entries, *d.subject_id,
                                    *store::audit_hash_of(c, *d.subject_id), ""};
      store::save_audit_trail_start(c, domain::signed_checkpoint(start, s.settings.audit_key));
      store::dispose_audit_entries_through(c, *d.subject_id);
      return d.records;
    }
  }
  return {};
}

}  // namespace

std::vector<ScheduleLine> retention_schedule(const Services& s, const Actor& a) {
  return run(s, a, keeping("retention.schedule_view", "retention_rule"), [&](store::Connection& c, AuditRecord&) {
    const auto rows = store::retention_rule_rows(c);
    std::vector<ScheduleLine> lines;
    for (const auto& rule : domain::retention_rules()) {
      ScheduleLine line{&rule, rule.default_years, std::nullopt};
      for (const auto& row : rows)
        if (row.record_type == rule.code) line.years = row.years, line.changed_at = row.changed_at;
      lines.push_back(line);
    }
    return lines;
  });
}

void set_retention_years(const Services& s, const Actor& a, const std::string& record_type, const std::string& years) {
  run(s, a, keeping("retention.schedule_change", "retention_rule"), [&](store::Connection& c, AuditRecord& entry) {
    domain::FieldErrors errors;
    const auto type = domain::parse_record_type(record_type);
    if (!type) {
      std::string codes;
      for (const auto& r : domain::retention_rules()) codes += (codes.empty() ? "" : ", ") + std::string(r.code);
      errors.push_back({"record_type", "Record type must be one of " + codes});
    }
    if (auto problem = domain::retention_years_problem(years)) errors.push_back({"years", *problem});
    if (!errors.empty()) throw Invalid(errors);
    const auto from = schedule_in(c).years(*type);
    const auto to = static_cast<int>(*domain::parse_whole_number(years));
    store::set_retention_years(c, record_type, to, s.now_iso());
    entry.detail = nlohmann::json{{"record_type", record_type}, {"from_years", from}, {"to_years", to}}.dump();
  });
}

std::int64_t place_legal_hold(const Services& s, const Actor& a, const HoldForm& f) {
  return run(s, a, keeping("retention.hold_place", "legal_hold"), [&](store::Connection& c, AuditRecord& entry) {
    domain::FieldErrors errors;
    store::LegalHold h;
    const auto pupil = domain::trimmed(f.pupil), provider = domain::trimmed(f.provider);
    if (pupil.empty() == provider.empty())
      errors.push_back({"pupil", "Name the pupil or the provider whose records must be kept, not both"});
    if (!pupil.empty()) {
      const auto number = domain::parse_whole_number(pupil);
      const auto found = number ? store::find_pupil(c, *number) : store::find_pupil_by_upn(c, pupil);
      if (found)
        h.pupil_id = found->id;
      else
        errors.push_back({"pupil", "There is no pupil with the number or UPN " + pupil});
    }
    if (!provider.empty()) {
      const auto number = domain::parse_whole_number(provider);
      if (number && store::find_provider(c, *number))
        h.provider_id = *number;
      else
        errors.push_back({"provider", "There is no provider with the number " + provider});
    }
    h.reason = domain::trimmed(f.reason);
    if (h.reason.empty())
      errors.push_back({"reason", "Enter why the records must be kept, like the claim or inquiry they are for"});
    else if (auto problem = domain::text_problem("reason", h.reason))
      errors.push_back({"reason", *problem});
    if (!errors.empty()) throw Invalid(errors);
    h.placed_by = a.display_name + (a.email.empty() ? "" : " <" + a.email + ">");
    h.placed_at = s.now_iso();
    const auto id = store::place_legal_hold(c, h);
    entry.entity_id = id;
    entry.pupil_id = h.pupil_id;
    entry.detail = nlohmann::json{
        {"pupil_id", h.pupil_id ? nlohmann::json(*h.pupil_id) : nlohmann::json()},
        {"provider_id", h.provider_id ? nlohmann::json(*h.provider_id) : nlohmann::json()},
        {"reason",
         h.reason}}.dump();
    return id;
  });
}

void lift_legal_hold(const Services& s, const Actor& a, const std::string& hold_id, const std::string& reason) {
  run(s, a, keeping("retention.hold_lift", "legal_hold"), [&](store::Connection& c, AuditRecord& entry) {
    domain::FieldErrors errors;
    const auto id = domain::parse_whole_number(domain::trimmed(hold_id));
    const auto hold = id ? store::find_legal_hold(c, *id) : std::nullopt;
    if (!hold)
      errors.push_back({"hold", "There is no legal hold with the number " + hold_id});
    else if (hold->lifted_at)
      errors.push_back({"hold", "Legal hold " + hold_id + " was lifted on " + hold->lifted_at->substr(0, 10)});
    const auto why = domain::trimmed(reason);
    if (why.empty())
      errors.push_back({"reason", "Enter why the hold can end, like the claim being settled"});
    else if (auto problem = domain::text_problem("reason", why))
      errors.push_back({"reason", *problem});
    if (!errors.empty()) throw Invalid(errors);
    store::lift_legal_hold(c, *id, a.display_name + (a.email.empty() ? "" : " <" + a.email + ">"), s.now_iso(), why);
    entry.entity_id = *id;
    entry.pupil_id = hold->pupil_id;
    entry.detail = nlohmann::json{{"reason", why}}.dump();
  });
}

std::vector<store::LegalHold> legal_holds(const Services& s, const Actor& a) {
  return run(s, a, keeping("retention.hold_list", "legal_hold"),
             [&](store::Connection& c, AuditRecord&) { return store::legal_holds(c); });
}

RetentionRun run_retention(const Services& s, const Actor& a, bool dry_run) {
  RetentionRun plan;
  plan.as_of = domain::format_date(s.today());
  plan.dry_run = dry_run;
  run(s, a, keeping("retention.review", "retention_rule"), [&](store::Connection& c, AuditRecord& entry) {
    due_disposals(c, schedule_in(c), s.today(), plan);
    entry.detail = nlohmann::json{{"due", plan.disposals.size()}, {"held_pupils", plan.held_pupils}}.dump();
  });
  if (dry_run) return plan;
  for (auto& d : plan.disposals) {
    run(s, a, keeping("retention.dispose", "retention_rule"), [&](store::Connection& c, AuditRecord& entry) {
      d.records = dispose(c, s, d);
      const auto& rule = domain::retention_rule(d.rule);
      const auto records = store::total(d.records);
      if (records == 0) {  // a hold placed since the review
        entry.detail = nlohmann::json{{"rule", rule.code}, {"subject", d.subject}, {"records", 0}}.dump();
        return;
      }
      store::log_disposal(c, {0, s.now_iso(), std::string(rule.code), d.subject, d.subject_id, d.disposable_from,
                              records, records_json(d.records).dump()});
      entry.entity = d.subject == "pupil" || d.subject == "provider" ? d.subject : "retention_rule";
      entry.entity_id = d.subject_id;
      if (d.subject == "pupil") entry.pupil_id = d.subject_id;
      entry.detail = nlohmann::json{{"rule", rule.code},
                                    {"subject", d.subject},
                                    {"disposable_from", d.disposable_from},
                                    {"records", records},
                                    {"tables", records_json(d.records)}}
                         .dump();
    });
  }
  return plan;
}

store::Page<store::Disposal> disposal_log(const Services& s, const Actor& a, const std::string& from,
                                          const std::string& until, const store::PageRequest& page) {
  return run(s, a, keeping("retention.log_view", "retention_rule"), [&](store::Connection& c, AuditRecord&) {
    domain::FieldErrors errors;
    if (!from.empty() && !domain::parse_date(from))
      errors.push_back({"from", "From date must be a real date, like 2026-09-01"});
    if (!until.empty() && !domain::parse_date(until))
      errors.push_back({"until", "To date must be a real date, like 2026-09-30"});
    if (errors.empty() && !from.empty() && !until.empty() && until < from)
      errors.push_back({"until", "To date must be the same as or after the from date"});
    if (!errors.empty()) throw Invalid(errors);
    return store::disposal_log(c, from.empty() ? "0000" : start_of_day(*domain::parse_date(from)),
                               until.empty() ? "9999" : after_day(*domain::parse_date(until)), page);
  });
}

}  // namespace waypoint::app
