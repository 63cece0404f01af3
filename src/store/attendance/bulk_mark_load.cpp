#include "store/attendance/bulk_mark_load.hpp"

namespace waypoint::store {

BulkMarkLoad::BulkMarkLoad(Connection& c, std::int64_t recorded_by, std::string recorded_at)
    : c_(c), recorded_by_(recorded_by), recorded_at_(std::move(recorded_at)) {
  last_id_before_ = c_.query_one("SELECT COALESCE(MAX(id), 0) FROM attendance_marks")->integer(0);
  std::vector<std::string> set_aside;
  if (c_.engine() == Engine::Postgres) {
    // Keys before foreign keys, so each is made again before what could lean on it.
    for (const auto& r :
         c_.query("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = "
                  "'attendance_marks'::regclass AND contype IN ('p', 'u', 'f') ORDER BY contype DESC, conname")) {
      set_aside.push_back("ALTER TABLE attendance_marks DROP CONSTRAINT " + r.text(0));
      remake_.push_back("ALTER TABLE attendance_marks ADD CONSTRAINT " + r.text(0) + " " + r.text(1));
    }
    for (const auto& r : c_.query(
             "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i WHERE i.indrelid = "
             "'attendance_marks'::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = "
             "i.indexrelid) ORDER BY 1")) {
      set_aside.push_back("DROP INDEX " + r.text(0));
      // The definition of a partitioned table's index reads "ON ONLY": made that way it would be the
      // parent's alone, and no year would have it.
      auto definition = r.text(1);
      if (const auto only = definition.find(" ON ONLY "); only != std::string::npos) definition.erase(only + 3, 5);
      remake_.push_back(definition);
    }
    set_aside.push_back("ALTER TABLE attendance_marks DISABLE TRIGGER USER");
    remake_.push_back("ALTER TABLE attendance_marks ENABLE TRIGGER USER");
  } else {
    // SQLite keeps the indexes of its keys (they have no statement of their own); the others and the
    // triggers go.
    for (const auto& r :
         c_.query("SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'attendance_marks' AND type IN ('index', "
                  "'trigger') AND sql IS NOT NULL ORDER BY type, name")) {
      set_aside.push_back("DROP " + r.text(0) + " " + r.text(1));
      remake_.push_back(r.text(2));
    }
  }
  for (const auto& statement : set_aside) c_.exec(statement);
}

void BulkMarkLoad::add(const std::vector<MarkRow>& marks) { load_new_marks(c_, marks, recorded_by_, recorded_at_); }

void BulkMarkLoad::finish() {
  for (const auto& statement : remake_) c_.exec(statement);
  remake_.clear();
  // The totals the triggers would have kept, for the new marks only. On PostgreSQL the week is
  // grouped as a date and written as text once a group: to_char on every mark (attendance_week_of)
  // took three times as long. Both give the Monday the week begins on.
  const auto week_of = c_.engine() == Engine::Postgres
                           ? std::string(
                                 "CAST(session_date AS date) - CAST(EXTRACT(ISODOW FROM CAST(session_date AS "
                                 "date)) AS integer) + 1")
                           : std::string("date(session_date, '-6 days', 'weekday 1')");
  const auto as_text = c_.engine() == Engine::Postgres ? std::string("to_char(week, 'YYYY-MM-DD')") : "week";
  const Params after{integer(last_id_before_)};
  c_.exec(
      "INSERT INTO attendance_code_totals (placement_id, code, sessions) SELECT placement_id, "
      "COALESCE(school_code, provider_code), COUNT(*) FROM attendance_marks WHERE id > $1 GROUP BY 1, 2 "
      "ON CONFLICT (placement_id, code) DO UPDATE SET sessions = attendance_code_totals.sessions + excluded.sessions",
      after);
  c_.exec(
      "INSERT INTO attendance_week_totals (school_id, week_start, placement_id, code, sessions) SELECT school_id, " +
          as_text + ", placement_id, code, n FROM (SELECT school_id, " + week_of +
          " AS week, placement_id, COALESCE(school_code, provider_code) AS code, COUNT(*) AS n FROM "
          "attendance_marks WHERE id > $1 GROUP BY 1, 2, 3, 4) weeks WHERE true ON CONFLICT (school_id, "
          "week_start, placement_id, code) DO UPDATE SET sessions = attendance_week_totals.sessions + "
          "excluded.sessions",
      after);
}

}  // namespace waypoint::store
