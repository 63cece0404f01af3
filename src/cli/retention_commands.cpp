#include "cli/retention_commands.hpp"

#include <iostream>

#include "app/kernel/access.hpp"
#include "app/kernel/errors.hpp"
#include "app/retention/retention.hpp"
#include "domain/kernel/calendar_date.hpp"

namespace waypoint::cli {
namespace {

std::string tables_text(const store::RecordCounts& counts) {
  std::string out;
  for (const auto& [table, rows] : counts) out += (out.empty() ? "" : ", ") + table + " " + std::to_string(rows);
  return out;
}

std::string records_text(std::int64_t n) { return std::to_string(n) + (n == 1 ? " record" : " records"); }

void print_schedule(const app::Services& s, const app::Actor& op) {
  std::cout << "Retention schedule\n";
  for (const auto& line : app::retention_schedule(s, op))
    std::cout << "  " << line.rule->code << ": " << line.years << " years from "
              << domain::counted_from(line.rule->basis) << " (" << line.rule->label << ")"
              << (line.changed_at ? ", changed " + domain::date_text(line.changed_at->substr(0, 10))
                                  : std::string(", the default"))
              << "\n";
}

void print_run(const app::RetentionRun& r) {
  std::cout << "Retention as of " << domain::date_text(r.as_of)
            << (r.dry_run ? ": a dry run, nothing disposed of\n" : "\n");
  std::int64_t records = 0;
  for (const auto& d : r.disposals) {
    const auto& rule = domain::retention_rule(d.rule);
    const auto n = store::total(d.records);
    records += n;
    std::cout << "  " << (r.dry_run ? "due: " : "disposed of: ") << d.subject
              << (d.subject_id ? " " + std::to_string(*d.subject_id) : std::string()) << ", " << rule.label << " ("
              << rule.code << (rule.basis == domain::RetentionBasis::EntryDate ? ", dated to " : ", due from ")
              << domain::date_text(d.disposable_from) << "): " << records_text(n) << " (" << tables_text(d.records)
              << ")\n";
  }
  for (auto id : r.held_pupils) std::cout << "  kept under a legal hold: pupil " << id << "\n";
  std::cout << r.disposals.size() << (r.dry_run ? " due, " : " disposed of, ") << records_text(records) << "\n";
}

}  // namespace

RetentionCommands add_retention_commands(CLI::App& cli, RetentionOptions& o) {
  auto* retention = cli.add_subcommand("retention", "The retention schedule, legal holds and disposal");
  retention->require_subcommand(1);
  RetentionCommands c;
  c.schedule = retention->add_subcommand("schedule", "Show the retention schedule, or change a rule's years");
  c.schedule->add_option("--set", o.set, "RECORD_TYPE=YEARS, like audit_trail=10 (repeatable)");
  c.hold = retention->add_subcommand("hold", "Place a legal hold: nothing of the pupil or provider is disposed of");
  c.hold->add_option("--pupil", o.pupil, "The pupil's number or UPN");
  c.hold->add_option("--provider", o.provider, "The provider's number");
  c.hold->add_option("--reason", o.reason, "Why the records must be kept")->required();
  c.lift = retention->add_subcommand("lift", "Lift a legal hold");
  c.lift->add_option("--hold", o.hold, "The hold's number")->required();
  c.lift->add_option("--reason", o.reason, "Why the hold can end")->required();
  c.holds = retention->add_subcommand("holds", "List legal holds, current ones first");
  c.run = retention->add_subcommand("run", "Dispose of every record past its date, and log what went");
  c.run->add_flag("--dry-run", o.dry_run, "List what would be disposed of, and change nothing");
  c.log = retention->add_subcommand("log", "Print the disposal log, for the data protection officer");
  c.log->add_option("--from", o.from, "From this date, like 2026-09-01");
  c.log->add_option("--until", o.until, "To this date, like 2026-09-30");
  return c;
}

std::optional<int> run_retention_command(const RetentionCommands& c, const RetentionOptions& o,
                                         const app::Services& s) {
  const auto op = app::operator_actor();
  if (c.schedule->parsed()) {
    for (const auto& change : o.set) {
      const auto eq = change.find('=');
      if (eq == std::string::npos)
        throw app::Invalid("set", "--set must be RECORD_TYPE=YEARS, like audit_trail=10, not: " + change);
      app::set_retention_years(s, op, change.substr(0, eq), change.substr(eq + 1));
    }
    print_schedule(s, op);
  } else if (c.hold->parsed()) {
    const auto id = app::place_legal_hold(s, op, {o.pupil, o.provider, o.reason});
    std::cout << "Legal hold " << id << " placed: nothing of the "
              << (o.pupil.empty() ? "provider " + o.provider : "pupil " + o.pupil)
              << " is disposed of until it is lifted\n";
  } else if (c.lift->parsed()) {
    app::lift_legal_hold(s, op, o.hold, o.reason);
    std::cout << "Legal hold " << o.hold << " lifted\n";
  } else if (c.holds->parsed()) {
    const auto holds = app::legal_holds(s, op);
    if (holds.empty()) std::cout << "No legal holds\n";
    for (const auto& h : holds)
      std::cout << "  " << h.id << ": "
                << (h.pupil_id ? "pupil " + std::to_string(*h.pupil_id) : "provider " + std::to_string(*h.provider_id))
                << ", placed " << domain::date_text(h.placed_at.substr(0, 10)) << " by " << h.placed_by << ": "
                << h.reason
                << (h.lifted_at ? "; lifted " + domain::date_text(h.lifted_at->substr(0, 10)) + " by " + *h.lifted_by +
                                      ": " + *h.lift_reason
                                : std::string("; current"))
                << "\n";
  } else if (c.run->parsed()) {
    print_run(app::run_retention(s, op, o.dry_run));
  } else if (c.log->parsed()) {
    std::vector<store::Disposal> log;
    for (store::PageRequest page{1, 1000};; ++page.number) {
      auto some = app::disposal_log(s, op, o.from, o.until, page);
      log.insert(log.end(), some.items.begin(), some.items.end());
      if (!some.has_next) break;
    }
    std::cout << "Disposal log: " << log.size() << " disposals\n";
    for (const auto& d : log)
      std::cout << "  " << d.disposed_at << "  " << d.record_type << "  " << d.subject
                << (d.subject_id ? " " + std::to_string(*d.subject_id) : std::string()) << "  "
                << records_text(d.records) << "  " << d.disposable_from << "  " << d.detail << "\n";
  } else {
    return std::nullopt;
  }
  return 0;
}

}  // namespace waypoint::cli
