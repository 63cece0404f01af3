#include "store/retention/retention_store.hpp"

#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/text.hpp"
#include "store/kernel/year_partitions.hpp"

namespace waypoint::store {
namespace {

// One table's part of a record, and which of its rows belong to the pupil `$1`. In the order they
// can be deleted in: a row before the rows it refers to.
struct Part {
  const char* table;
  const char* rows;
};

constexpr const char* kOfPlacements = "placement_id IN (SELECT id FROM placements WHERE pupil_id = $1)";
constexpr const char* kOfPupil = "pupil_id = $1";
constexpr const char* kOfOutreach = "case_id IN (SELECT id FROM outreach_cases WHERE pupil_id = $1)";
constexpr const char* kOfPlanVersions =
    "plan_version_id IN (SELECT v.id FROM plan_versions v JOIN placements p ON p.id = v.placement_id "
    "WHERE p.pupil_id = $1)";

constexpr Part kApRecord[] = {
    {"alert_actions", "alert_id IN (SELECT id FROM alerts WHERE pupil_id = $1)"},
    {"alerts", kOfPupil},
    {"progress_log_history_values",
     "history_id IN (SELECT h.id FROM progress_log_history h JOIN progress_logs l ON l.id = h.log_id "
     "WHERE l.pupil_id = $1)"},
    {"progress_log_history", "log_id IN (SELECT id FROM progress_logs WHERE pupil_id = $1)"},
    {"objective_values", "log_id IN (SELECT id FROM progress_logs WHERE pupil_id = $1)"},
    {"progress_logs", kOfPupil},
    {"attendance_marks", kOfPupil},
    {"attendance_code_totals", kOfPlacements},
    {"attendance_week_totals", kOfPlacements},
    {"incidents", kOfPupil},
    {"reintegration_plan_history", kOfPlacements},
    {"reintegration_plans", kOfPlacements},
    {"readiness_criteria_history", kOfPlacements},
    {"readiness_criteria", kOfPlacements},
    {"return_step_history", kOfPlacements},
    {"return_steps", kOfPlacements},
    {"return_follow_ups", kOfPlacements},
    {"review_requests", kOfPlacements},
    {"notice_acknowledgements", kOfPlacements},
    {"consent_answers", kOfPlacements},
    {"visit_actions",
     "visit_id IN (SELECT v.id FROM provider_visits v JOIN placements p ON p.id = v.placement_id WHERE p.pupil_id = "
     "$1)"},
    {"provider_visits", kOfPlacements},
    {"provider_challenges", kOfPlacements},
    {"provider_reports", kOfPlacements},
    {"outreach_sessions", kOfPupil},
    {"outreach_plan_sessions", kOfOutreach},
    {"outreach_barriers", kOfOutreach},
    {"outreach_visits", kOfOutreach},
    {"outreach_cases", kOfPupil},
    {"review_objectives", "review_id IN (SELECT id FROM reviews WHERE pupil_id = $1)"},
    {"reviews", kOfPupil},
    {"plan_objective_history", kOfPlanVersions},
    {"plan_objectives", kOfPlanVersions},
    {"plan_versions", kOfPlacements},
    {"placement_site_history", kOfPlacements},
    {"placement_sites", kOfPlacements},
    {"timetable_slot_history", kOfPupil},
    {"timetable_slots", kOfPupil},
    {"placements", kOfPupil},
    {"part_time_arrangement_history", kOfPupil},
    {"part_time_arrangements", kOfPupil},
    {"restrictive_interventions", kOfPupil},
    {"pupil_voices", kOfPupil},
    {"data_requests", kOfPupil},
    {"letters", kOfPupil},             // before the contacts they went to
    {"family_invitations", kOfPupil},  // before the contacts they were sent to
    {"pupil_guardians", kOfPupil},
    {"pupil_invitations", kOfPupil},
    {"pupil_accounts", kOfPupil},
    {"pupil_contacts", kOfPupil},
};

constexpr Part kConcerns[] = {
    {"concern_follow_ups", "concern_id IN (SELECT id FROM safeguarding_concerns WHERE pupil_id = $1)"},
    {"safeguarding_concerns", kOfPupil},
};

template <std::size_t N>
RecordCounts count_or_dispose(Connection& c, const Part (&parts)[N], std::int64_t pupil_id, bool dispose) {
  RecordCounts counts;
  const Params params{integer(pupil_id)};
  for (const auto& p : parts) {
    const auto where = std::string(" FROM ") + p.table + " WHERE " + p.rows;
    const auto n = c.query_one("SELECT COUNT(*)" + where, params)->integer(0);
    if (n == 0) continue;
    counts.emplace_back(p.table, n);
    if (dispose) c.exec("DELETE" + where, params);
  }
  return counts;
}

constexpr const char* kHeldPupils = "SELECT pupil_id FROM legal_holds WHERE lifted_at IS NULL AND pupil_id IS NOT NULL";
constexpr const char* kHeldProviders =
    "SELECT provider_id FROM legal_holds WHERE lifted_at IS NULL AND provider_id IS NOT NULL";

LegalHold hold_from_row(const Row& r) {
  return {r.integer(0), r.opt_integer(1), r.opt_integer(2), r.text(3),    r.text(4),
          r.text(5),    r.opt_text(6),    r.opt_text(7),    r.opt_text(8)};
}

constexpr const char* kHoldColumns =
    "SELECT id, pupil_id, provider_id, reason, placed_by, placed_at, lifted_by, lifted_at, lift_reason "
    "FROM legal_holds ";

}  // namespace

std::vector<RetentionRuleRow> retention_rule_rows(Connection& c) {
  return map_rows(c.query("SELECT record_type, years, changed_at FROM retention_rules"), [](const Row& r) {
    return RetentionRuleRow{r.text(0), static_cast<int>(r.integer(1)), r.opt_text(2)};
  });
}

void set_retention_years(Connection& c, const std::string& record_type, int years, const std::string& now) {
  c.exec(
      "INSERT INTO retention_rules (record_type, years, changed_at) VALUES ($1, $2, $3) "
      "ON CONFLICT (record_type) DO UPDATE SET years = excluded.years, changed_at = excluded.changed_at",
      {record_type, integer(years), now});
}

std::int64_t place_legal_hold(Connection& c, const LegalHold& h) {
  return c.insert(
      "INSERT INTO legal_holds (pupil_id, provider_id, reason, placed_by, placed_at) VALUES ($1, $2, $3, $4, $5) "
      "RETURNING id",
      {opt_integer(h.pupil_id), opt_integer(h.provider_id), h.reason, h.placed_by, h.placed_at});
}

std::optional<LegalHold> find_legal_hold(Connection& c, std::int64_t id) {
  if (auto r = c.query_one(std::string(kHoldColumns) + "WHERE id = $1", {integer(id)})) return hold_from_row(*r);
  return std::nullopt;
}

void lift_legal_hold(Connection& c, std::int64_t id, const std::string& by, const std::string& at,
                     const std::string& reason) {
  c.exec("UPDATE legal_holds SET lifted_by = $2, lifted_at = $3, lift_reason = $4 WHERE id = $1 AND lifted_at IS NULL",
         {integer(id), by, at, reason});
}

std::vector<LegalHold> legal_holds(Connection& c) {
  return map_rows(c.query(std::string(kHoldColumns) + "ORDER BY lifted_at IS NOT NULL, id DESC"), hold_from_row);
}

std::int64_t total(const RecordCounts& counts) {
  std::int64_t n = 0;
  for (const auto& [table, rows] : counts) n += rows;
  return n;
}

bool pupil_held(Connection& c, std::int64_t pupil_id) {
  return c.query_one("SELECT 1 FROM legal_holds WHERE pupil_id = $1 AND lifted_at IS NULL", {integer(pupil_id)})
      .has_value();
}

std::vector<PupilForRetention> pupils_born_by(Connection& c, const std::string& born_by) {
  return map_rows(c.query(std::string("SELECT id, date_of_birth, needs, CASE WHEN id IN (") + kHeldPupils +
                              ") THEN 1 ELSE 0 END FROM pupils WHERE date_of_birth <= $1 ORDER BY date_of_birth, id",
                          {born_by}),
                  [](const Row& r) {
                    return PupilForRetention{r.integer(0), r.text(1), domain::split_list(r.text(2)), r.boolean(3)};
                  });
}

RecordCounts pupil_ap_record(Connection& c, std::int64_t pupil_id, bool dispose) {
  return count_or_dispose(c, kApRecord, pupil_id, dispose);
}

RecordCounts pupil_concerns(Connection& c, std::int64_t pupil_id, bool dispose) {
  return count_or_dispose(c, kConcerns, pupil_id, dispose);
}

bool dispose_pupil_if_nothing_left(Connection& c, std::int64_t pupil_id) {
  if (!pupil_ap_record(c, pupil_id, false).empty() || !pupil_concerns(c, pupil_id, false).empty()) return false;
  c.exec("DELETE FROM pupils WHERE id = $1", {integer(pupil_id)});
  return true;
}

namespace {

// On PostgreSQL the marks are partitioned by academic year (migration 0050): a year wholly on or
// before `through`, with nothing in it a legal hold keeps, goes whole. Its rows leave the totals
// first (detaching fires no delete trigger), then the partition is detached and dropped. Answers how
// many marks went.
std::int64_t drop_whole_years(Connection& c, const std::string& through) {
  if (c.engine() != Engine::Postgres) return 0;
  std::int64_t gone = 0;
  for (const auto& year : year_partitions(c, "attendance_marks")) {
    const auto& table = year.table;
    // The year's last day is the one before the next year's first: 31 August.
    const auto next = domain::parse_date(year.day_after);
    if (!next || domain::format_date(std::chrono::sys_days(*next) - std::chrono::days(1)) > through) break;
    const auto held = c.query_one("SELECT COUNT(*) FROM " + table + " WHERE pupil_id IN (" + kHeldPupils +
                                  ") OR provider_id IN (" + kHeldProviders + ")")
                          ->integer(0);
    if (held > 0) continue;  // the rows the hold does not keep go one by one, below
    gone += c.query_one("SELECT COUNT(*) FROM " + table)->integer(0);
    c.exec(
        "UPDATE attendance_code_totals t SET sessions = t.sessions - g.n FROM (SELECT placement_id, "
        "COALESCE(school_code, provider_code) AS code, COUNT(*) AS n FROM " +
        table + " GROUP BY 1, 2) g WHERE t.placement_id = g.placement_id AND t.code = g.code");
    c.exec(
        "UPDATE attendance_week_totals t SET sessions = t.sessions - g.n FROM (SELECT school_id, "
        "attendance_week_of(session_date) AS week_start, placement_id, COALESCE(school_code, provider_code) AS "
        "code, COUNT(*) AS n FROM " +
        table +
        " GROUP BY 1, 2, 3, 4) g WHERE t.school_id = g.school_id AND t.week_start = g.week_start AND "
        "t.placement_id = g.placement_id AND t.code = g.code");
    c.exec("ALTER TABLE attendance_marks DETACH PARTITION " + table);
    c.exec("DROP TABLE " + table);
  }
  return gone;
}

}  // namespace

std::int64_t attendance_marks_through(Connection& c, const std::string& through, bool dispose) {
  const auto where = std::string(" FROM attendance_marks WHERE session_date <= $1 AND pupil_id NOT IN (") +
                     kHeldPupils + ") AND provider_id NOT IN (" + kHeldProviders + ")";
  const auto n = c.query_one("SELECT COUNT(*)" + where, {through})->integer(0);
  if (dispose && n > 0) {
    drop_whole_years(c, through);
    c.exec("DELETE" + where, {through});
    c.exec("DELETE FROM attendance_code_totals WHERE sessions = 0");
    c.exec("DELETE FROM attendance_week_totals WHERE sessions = 0");
  }
  return n;
}

std::vector<ProviderForRetention> providers_left_by(Connection& c, const std::string& through) {
  return map_rows(c.query(std::string("SELECT organisation_id, left_directory_on, CASE WHEN organisation_id IN (") +
                              kHeldProviders +
                              ") THEN 1 ELSE 0 END FROM providers WHERE left_directory_on <= $1 "
                              "ORDER BY left_directory_on, organisation_id",
                          {through}),
                  [](const Row& r) {
                    return ProviderForRetention{r.integer(0), r.text(1), r.boolean(2)};
                  });
}

bool provider_held(Connection& c, std::int64_t provider_id) {
  return c.query_one("SELECT 1 FROM legal_holds WHERE provider_id = $1 AND lifted_at IS NULL", {integer(provider_id)})
      .has_value();
}

RecordCounts provider_evidence(Connection& c, std::int64_t provider_id, bool dispose) {
  constexpr const char* kChecks = "check_id IN (SELECT id FROM provider_checks WHERE provider_id = $1)";
  const Params params{integer(provider_id)};
  RecordCounts counts;
  const auto count = [&](const char* table, const std::string& where) {
    if (const auto n =
            c.query_one(std::string("SELECT COUNT(*) FROM ") + table + " WHERE " + where, params)->integer(0))
      counts.emplace_back(table, n);
  };
  count("provider_check_files", kChecks);
  // A file's contents are stored once however many checks carry it: only those of no other
  // provider's check go.
  count("evidence_contents",
        std::string("content_hash IN (SELECT content_hash FROM provider_check_files WHERE ") + kChecks +
            ") AND content_hash NOT IN (SELECT f.content_hash FROM provider_check_files f JOIN provider_checks k "
            "ON k.id = f.check_id WHERE k.provider_id <> $1)");
  count("provider_checks", "provider_id = $1");
  if (dispose && !counts.empty()) {
    c.exec(std::string("DELETE FROM provider_check_files WHERE ") + kChecks, params);
    c.exec("DELETE FROM evidence_contents WHERE content_hash NOT IN (SELECT content_hash FROM provider_check_files)");
    c.exec("DELETE FROM provider_checks WHERE provider_id = $1", params);
  }
  return counts;
}

std::optional<AuditPrefix> disposable_audit_prefix(Connection& c, const std::string& written_before) {
  // The first entry that must stay: written on or after the date, or about what is held.
  std::optional<std::int64_t> first_kept;
  const auto earliest = [&](const std::string& sql, const Params& params) {
    if (auto r = c.query_one(sql, params); r && !r->is_null(0))
      first_kept = first_kept ? std::min(*first_kept, r->integer(0)) : r->integer(0);
  };
  earliest("SELECT MIN(id) FROM audit_events WHERE at >= $1", {written_before});
  earliest(std::string("SELECT MIN(a.id) FROM audit_events a WHERE a.pupil_id IN (") + kHeldPupils + ")", {});
  earliest(std::string("SELECT MIN(a.id) FROM audit_events a WHERE a.entity = 'provider' AND a.entity_id IN (") +
               kHeldProviders + ")",
           {});
  const auto last =
      first_kept ? c.query_one("SELECT MAX(id), COUNT(*) FROM audit_events WHERE id < $1", {integer(*first_kept)})
                 : c.query_one("SELECT MAX(id), COUNT(*) FROM audit_events");
  if (!last || last->is_null(0)) return std::nullopt;
  return AuditPrefix{last->integer(0), last->integer(1)};
}

void dispose_audit_entries_through(Connection& c, std::int64_t last_id) {
  // On PostgreSQL the trail is partitioned by academic year (migration 0051): a year whose every
  // entry is in the disposed-of prefix is detached and dropped whole, the same rows the DELETE would
  // take; a year with any later entry stays, and its entries in the prefix go one by one.
  if (c.engine() == Engine::Postgres)
    for (const auto& year : year_partitions(c, "audit_events")) {
      const auto last = c.query_one("SELECT MAX(id) FROM " + year.table);
      if (last->is_null(0)) continue;  // an empty year is kept: new entries may never land there
      if (last->integer(0) > last_id) break;
      c.exec("ALTER TABLE audit_events DETACH PARTITION " + year.table);
      c.exec("DROP TABLE " + year.table);
    }
  c.exec("DELETE FROM audit_events WHERE id <= $1", {integer(last_id)});
}

void log_disposal(Connection& c, const Disposal& d) {
  c.exec(
      "INSERT INTO retention_disposals (disposed_at, record_type, subject, subject_id, disposable_from, records, "
      "detail) VALUES ($1, $2, $3, $4, $5, $6, $7)",
      {d.disposed_at, d.record_type, d.subject, opt_integer(d.subject_id), d.disposable_from, integer(d.records),
       d.detail});
}

Page<Disposal> disposal_log(Connection& c, const std::string& from, const std::string& until, const PageRequest& page) {
  auto rows = map_rows(
      c.query("SELECT id, disposed_at, record_type, subject, subject_id, disposable_from, records, detail "
              "FROM retention_disposals WHERE disposed_at >= $1 AND disposed_at < $2 ORDER BY id LIMIT $3 OFFSET $4",
              {from, until, integer(page.size + 1), integer(page.offset())}),
      [](const Row& r) {
        return Disposal{r.integer(0),     r.text(1), r.text(2),    r.text(3),
                        r.opt_integer(4), r.text(5), r.integer(6), r.text(7)};
      });
  return make_page(std::move(rows), page);
}

}  // namespace waypoint::store
