#include "store/attendance/bulk_mark_load.hpp"

#include "domain/kernel/calendar_date.hpp"
#include "store/kernel/year_partitions.hpp"

namespace waypoint::store {
namespace {

// Adds `rows` (each a key's values then a count) to a totals table: the count is added to a key
// already there. PostgreSQL takes them by COPY into a table of the transaction's own and adds them
// in one statement (one run of the table's triggers, not one a batch); SQLite twenty rows a
// statement, as for the marks (preparing a statement costs the square of its parameters there, and
// the last batch's is prepared anew).
void add_counts(Connection& c, const std::string& table, const std::string& key_columns, std::size_t key_size,
                const std::vector<std::vector<std::string>>& rows) {
  const auto upsert =
      " ON CONFLICT (" + key_columns + ") DO UPDATE SET sessions = " + table + ".sessions + excluded.sessions";
  if (c.has_copy()) {
    std::string copied;
    for (const auto& row : rows)
      for (std::size_t k = 0; k <= key_size; ++k) append_copy_value(copied, row[k], k == key_size);
    const auto loaded = "loaded_" + table;
    // Made in the caller's transaction: a load that fails takes it away with everything else.
    c.exec("CREATE TEMPORARY TABLE " + loaded + " (LIKE " + table + ")");
    c.copy_in("COPY " + loaded + " (" + key_columns + ", sessions) FROM STDIN", copied);
    // An upsert's every row is a speculative insert, twice a plain insert's time: when none of the
    // keys is there yet, as for generated pupils, the rows go in plainly (at LA scale 0.25 s where
    // the upsert took 0.5, the look for a key already there 40 ms).
    const bool any_there = c.query_one("SELECT COUNT(*) FROM (SELECT 1 FROM " + loaded + " JOIN " + table + " USING (" +
                                       key_columns + ") LIMIT 1) there")
                               ->integer(0) > 0;
    // In the order of the key, as the rows were counted: each lands beside the one before it.
    c.exec("INSERT INTO " + table + " (" + key_columns + ", sessions) SELECT " + key_columns + ", sessions FROM " +
           loaded + " ORDER BY " + key_columns + (any_there ? upsert : ""));
    c.exec("DROP TABLE " + loaded);
    return;
  }
  constexpr std::size_t batch = 20;
  const auto statement = [&](std::size_t n) {
    return "INSERT INTO " + table + " (" + key_columns + ", sessions) VALUES " + values_rows(n, key_size + 1) + upsert;
  };
  const auto full = statement(batch);
  Params params;
  for (std::size_t first = 0; first < rows.size(); first += batch) {
    const auto last = std::min(rows.size(), first + batch);
    params.clear();
    for (auto i = first; i < last; ++i)
      for (std::size_t k = 0; k <= key_size; ++k) params.emplace_back(rows[i][k]);
    c.exec(last - first == batch ? full : statement(last - first), params);
  }
}

}  // namespace

BulkMarkLoad::BulkMarkLoad(Connection& c, std::int64_t recorded_by, std::string recorded_at, std::size_t switch_at)
    : c_(c), recorded_by_(recorded_by), recorded_at_(std::move(recorded_at)), switch_at_(switch_at) {
  std::vector<std::string> set_aside;
  if (c_.engine() == Engine::Postgres) {
    // Keys before foreign keys, so each is made again before what could lean on it. The week totals
    // keep their key, which adding to them needs, and their triggers; their other indexes go too.
    for (const auto& r :
         c_.query("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = "
                  "'attendance_marks'::regclass AND contype IN ('p', 'u', 'f') ORDER BY contype DESC, conname")) {
      set_aside.push_back("ALTER TABLE attendance_marks DROP CONSTRAINT " + r.text(0));
      remake_.push_back("ALTER TABLE attendance_marks ADD CONSTRAINT " + r.text(0) + " " + r.text(1));
    }
    for (const auto& r : c_.query(
             "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i WHERE i.indrelid IN "
             "('attendance_marks'::regclass, 'attendance_week_totals'::regclass) AND NOT EXISTS "
             "(SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid) ORDER BY 1")) {
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
  // Each mark is sent straight to its year: through the marks table, PostgreSQL 15 looks for the
  // year of every row by comparing its day with the years' bounds in the database's collation,
  // which took 0.45 s of a COPY of 1.13 s at LA scale (the same rows straight to their years: 0.68 s).
  if (c_.has_copy()) years_ = year_partitions(c_, "attendance_marks");
}

const std::string& BulkMarkLoad::table_of(const std::string& day) {
  static const std::string whole = "attendance_marks";
  // Days written as ISO dates compare as their text does. Marks come a placement at a time, so the
  // search starts at the year of the mark before. A day of no year (before the first the table was
  // made with) goes through the marks table, which puts it with the other years.
  for (std::size_t n = 0; n < years_.size(); ++n) {
    const auto i = (last_year_ + n) % years_.size();
    if (years_[i].first_day <= day && day < years_[i].day_after) {
      last_year_ = i;
      return years_[i].table;
    }
  }
  return whole;
}

void BulkMarkLoad::send(const std::string& table) {
  auto& rows = waiting_[table];
  if (rows.empty()) return;
  if (copying_ != table) {
    if (!copying_.empty()) c_.copy_end();
    c_.copy_begin(copy_of_new_marks(table));
    copying_ = table;
  }
  // The server takes these in while the next are made.
  c_.copy_rows(rows);
  rows.clear();
}

// What the totals' triggers would add for these marks is counted here, a key at a time: the
// engines' GROUP BY over every new mark took longer than loading the marks. PostgreSQL adds the
// counts once, when the load finishes (a statement a batch of marks took longer again); SQLite a
// batch of marks at a time, while the totals' pages are still in its cache (at the end, its run
// of bench-data took 4.6 s where it takes 2.7).
void BulkMarkLoad::add(const std::vector<MarkRow>& marks) {
  if (c_.has_copy()) {
    const auto user = std::to_string(recorded_by_);
    const std::string* table = nullptr;
    std::string* rows = nullptr;
    for (const auto& m : marks) {
      const auto& year = table_of(m.session_date);
      if (&year != table) {
        table = &year;
        rows = &waiting_[year];
      }
      append_new_mark(*rows, m, user, recorded_at_);
    }
    // The open COPY's year goes now; another year's when it has a batch's worth, its COPY then
    // opened in place of the other (one COPY at a time on a connection).
    if (!copying_.empty()) send(copying_);
    for (auto& [year, waiting] : waiting_)
      if (copying_.empty() || waiting.size() >= switch_at_) send(year);
  } else {
    insert_new_marks(c_, marks, recorded_by_, recorded_at_);
  }
  std::string day, week;  // the last mark's day and its week's Monday: marks come a placement at a time
  for (const auto& m : marks) {
    if (m.session_date != day) {
      day = m.session_date;
      const auto date = domain::parse_date(day);
      if (!date) throw DatabaseError("a mark's date is not a date: " + day);
      week = domain::format_date(domain::monday_of(*date));
    }
    ++by_code_[{m.placement_id, m.code()}];
    ++by_week_[{m.school_id, week, m.placement_id, m.code()}];
  }
  if (!c_.has_copy()) add_to_totals();
}

void BulkMarkLoad::add_to_totals() {
  std::vector<std::vector<std::string>> rows;
  rows.reserve(by_code_.size());
  for (const auto& [key, n] : by_code_) rows.push_back({std::to_string(key.first), key.second, std::to_string(n)});
  add_counts(c_, "attendance_code_totals", "placement_id, code", 2, rows);
  rows.clear();
  rows.reserve(by_week_.size());
  for (const auto& [key, n] : by_week_) {
    const auto& [school, monday, placement, code] = key;
    rows.push_back({std::to_string(school), monday, std::to_string(placement), code, std::to_string(n)});
  }
  add_counts(c_, "attendance_week_totals", "school_id, week_start, placement_id, code", 4, rows);
  by_code_.clear();
  by_week_.clear();
}

void BulkMarkLoad::finish() {
  if (!copying_.empty()) send(copying_);
  for (auto& [year, waiting] : waiting_) send(year);
  if (!copying_.empty()) c_.copy_end();
  copying_.clear();
  add_to_totals();
  for (const auto& statement : remake_) c_.exec(statement);
  remake_.clear();
}

}  // namespace waypoint::store
