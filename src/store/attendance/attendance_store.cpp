#include "store/attendance/attendance_store.hpp"

#include <functional>
#include <set>
#include <tuple>

#include "domain/kernel/calendar_date.hpp"
#include "domain/outcomes/outcomes.hpp"

namespace waypoint::store {
namespace {

constexpr const char* kMarkSelect =
    "SELECT pupil_id, placement_id, provider_id, school_id, session_date, session, mark, minutes_late, absence_code, "
    "provider_code, school_code, changed_reason FROM attendance_marks ";

MarkRow mark_from_row(const Row& r) {
  return MarkRow{r.integer(0), r.integer(1), r.integer(2),   r.integer(3),
                 r.text(4),    r.text(5),    r.text(6),      static_cast<int>(r.integer(7)),
                 r.text(8),    r.text(9),    r.opt_text(10), r.opt_text(11)};
}

}  // namespace

std::string marks_years(Engine engine, const std::string& column, const std::string& from, const std::string& to) {
  if (engine != Engine::Postgres) return "";
  const auto first = domain::parse_date(from), last = domain::parse_date(to);
  // Dates that are not days add no bounds: the statement's own dates decide, as before.
  if (!first || !last || std::chrono::sys_days(*last) < std::chrono::sys_days(*first)) return "";
  const auto start = domain::academic_year_start(*first);
  const auto end = domain::academic_year_start(*last) + std::chrono::years{1};
  return " AND " + column + " >= '" + domain::format_date(start) + "' AND " + column + " < '" +
         domain::format_date(end) + "'";
}

Read marks_for_session_read(Engine engine, std::int64_t provider_id, const std::string& date,
                            const std::string& session, std::vector<MarkRow>& out) {
  return read_into(out,
                   kMarkSelect + std::string("WHERE provider_id = $1 AND session_date = $2 AND session = $3") +
                       marks_years(engine, "session_date", date, date),
                   {integer(provider_id), date, session}, mark_from_row);
}

Read marks_of_school_on_read(Engine engine, std::int64_t school_id, const std::string& date,
                             std::vector<MarkRow>& out) {
  return read_into(out,
                   kMarkSelect + std::string("WHERE school_id = $1 AND session_date = $2") +
                       marks_years(engine, "session_date", date, date),
                   {integer(school_id), date}, mark_from_row);
}

std::optional<MarkRow> find_mark(Connection& c, std::int64_t pupil_id, const std::string& date,
                                 const std::string& session) {
  auto r = c.query_one(kMarkSelect + std::string("WHERE pupil_id = $1 AND session_date = $2 AND session = $3") +
                           marks_years(c.engine(), "session_date", date, date),
                       {integer(pupil_id), date, session});
  if (!r) return std::nullopt;
  return mark_from_row(*r);
}

namespace {

constexpr const char* kMarkColumns =
    " (pupil_id, placement_id, provider_id, school_id, session_date, session, mark, minutes_late, absence_code, "
    "provider_code, recorded_by, recorded_at, changed_reason)";
constexpr std::size_t kMarkValues = 13;

Params mark_values(const MarkRow& m, const std::string& user, const std::string& now) {
  return Params{integer(m.pupil_id),
                integer(m.placement_id),
                integer(m.provider_id),
                integer(m.school_id),
                m.session_date,
                m.session,
                m.mark,
                integer(m.minutes_late),
                m.absence_code,
                m.provider_code,
                user,
                now,
                m.changed_reason};
}

// Marks `rows` at a time, each statement "INSERT ... VALUES (...), (...) <tail>", any rows it
// answers (RETURNING) given to `answered`.
void insert_marks(Connection& c, const std::vector<MarkRow>& marks, std::int64_t user_id, const std::string& now,
                  std::size_t rows, std::string_view tail, const std::function<void(Row&)>& answered = nullptr) {
  const auto user = std::to_string(user_id);
  // The statement for `n` rows, written again only when the number changes (the last batch).
  std::string sql;
  std::size_t sql_rows = 0;
  const auto statement = [&](std::size_t n) -> const std::string& {
    if (n == sql_rows) return sql;
    sql = std::string("INSERT INTO attendance_marks") + kMarkColumns + " VALUES " + values_rows(n, kMarkValues) +
          std::string(tail);
    sql_rows = n;
    return sql;
  };
  Params params;
  for (std::size_t first = 0; first < marks.size(); first += rows) {
    const auto last = std::min(marks.size(), first + rows);
    params.clear();
    for (auto i = first; i < last; ++i)
      for (auto& v : mark_values(marks[i], user, now)) params.push_back(std::move(v));
    if (answered)
      c.each_row(statement(last - first), params, answered);
    else
      c.exec(statement(last - first), params);
  }
}

}  // namespace

void save_marks(Connection& c, const std::vector<MarkRow>& marks, std::int64_t user_id, const std::string& now) {
  insert_marks(c, marks, user_id, now, 200,
               " ON CONFLICT (pupil_id, session_date, session) DO UPDATE SET mark = excluded.mark, minutes_late = "
               "excluded.minutes_late, absence_code = excluded.absence_code, provider_code = excluded.provider_code, "
               "recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at, changed_reason = "
               "excluded.changed_reason WHERE attendance_marks.mark <> excluded.mark OR attendance_marks.minutes_late "
               "<> excluded.minutes_late OR attendance_marks.absence_code <> excluded.absence_code OR "
               "attendance_marks.provider_code <> excluded.provider_code");
}

std::vector<MarkRow> add_marks(Connection& c, const std::vector<MarkRow>& marks, std::int64_t user_id,
                               const std::string& now) {
  std::set<std::tuple<std::int64_t, std::string, std::string>> added;
  insert_marks(c, marks, user_id, now, 200,
               " ON CONFLICT (pupil_id, session_date, session) DO NOTHING RETURNING pupil_id, session_date, session",
               [&](Row& r) { added.emplace(r.integer(0), r.text(1), r.text(2)); });
  std::vector<MarkRow> there;
  for (const auto& m : marks)
    if (!added.contains({m.pupil_id, m.session_date, m.session})) there.push_back(m);
  return there;
}

void insert_new_marks(Connection& c, const std::vector<MarkRow>& marks, std::int64_t user_id, const std::string& now) {
  // Twenty rows a statement, prepared once. Eighty a statement measured no faster: the time goes on
  // the indexes and the totals, not on the statements.
  insert_marks(c, marks, user_id, now, 20, "");
}

std::string copy_of_new_marks(const std::string& table) { return "COPY " + table + kMarkColumns + " FROM STDIN"; }

void append_new_mark(std::string& rows, const MarkRow& m, const std::string& user_id, const std::string& now) {
  const auto row = mark_values(m, user_id, now);
  for (std::size_t i = 0; i < row.size(); ++i) append_copy_value(rows, row[i], i + 1 == row.size());
}

namespace {

// The WHERE of a PupilMarks read, its values put in `params`.
std::string pupil_marks_where(Engine engine, const PupilMarks& which, Params& params) {
  params = {integer(which.pupil_id), which.from, which.to};
  std::string where = "WHERE pupil_id = $1 AND session_date >= $2 AND session_date <= $3" +
                      marks_years(engine, "session_date", which.from, which.to);
  if (which.provider_id) {
    params.push_back(integer(*which.provider_id));
    where += " AND provider_id = $4";
  }
  return where;
}

}  // namespace

Read marks_of_pupil_read(Engine engine, const PupilMarks& which, std::vector<MarkRow>& out,
                         const std::optional<PageRequest>& page) {
  Params params;
  auto sql = kMarkSelect + pupil_marks_where(engine, which, params) + " ORDER BY session_date DESC, session DESC";
  if (page) {
    sql += " LIMIT $" + std::to_string(params.size() + 1) + " OFFSET $" + std::to_string(params.size() + 2);
    params.push_back(integer(page->size + 1));
    params.push_back(integer(page->offset()));
  }
  return read_into(out, std::move(sql), std::move(params), mark_from_row);
}

Read session_counts_of_pupil_read(Engine engine, const PupilMarks& which, std::vector<SessionCount>& out) {
  Params params;
  auto sql = "SELECT COALESCE(school_code, provider_code), COUNT(*) FROM attendance_marks " +
             pupil_marks_where(engine, which, params) + " GROUP BY 1";
  return read_into(out, std::move(sql), std::move(params), [](const Row& r) {
    return SessionCount{r.text(0), static_cast<int>(r.integer(1))};
  });
}

namespace {

// A pupil's counts by code from one of the totals kept for each placement (`table`), the rows
// chosen by `where` after the pupil's, with `params` after the pupil's id. A mark's provider is its
// placement's, so the placement answers for the provider's own marks.
Read pupil_totals_read(const std::string& table, const PupilMarks& which, const std::string& where, Params params,
                       std::vector<SessionCount>& out) {
  std::string sql = "SELECT t.code, SUM(t.sessions) FROM " + table +
                    " t JOIN placements pl ON pl.id = t.placement_id WHERE pl.pupil_id = $1" + where;
  if (which.provider_id) {
    params.push_back(integer(*which.provider_id));
    sql += " AND pl.provider_id = $" + std::to_string(params.size());
  }
  sql += " GROUP BY t.code";
  return read_into(out, std::move(sql), std::move(params), [](const Row& r) {
    return SessionCount{r.text(0), static_cast<int>(r.integer(1))};
  });
}

}  // namespace

Read session_counts_of_pupil_weeks_read(const PupilMarks& which, std::vector<SessionCount>& out) {
  return pupil_totals_read("attendance_week_totals", which, " AND t.week_start >= $2 AND t.week_start <= $3",
                           {integer(which.pupil_id), which.from, which.to}, out);
}

// SQLite drops a connection's cached pages whenever another has written, as every audited request
// does, so each of a page's reads is a read of the file: the weekly totals are kept week first, and
// a pupil's fifty weeks lie on fifty pages of them, where their placements' totals lie on one (a
// pupil's year took 1.1 ms of CPU a request under load, 0.2 ms of it in the weeks' read). On
// PostgreSQL, whose cache is shared, the weeks cost no more, and the check would be a round trip of
// its own and a look in every year's index.
bool session_counts_of_pupil_from_totals(Connection& c, const PupilMarks& which, std::vector<SessionCount>& out) {
  if (c.engine() != Engine::Sqlite) return false;
  const auto outside = c.query_one(
      "SELECT EXISTS (SELECT 1 FROM attendance_marks WHERE pupil_id = $1 AND session_date < $2) OR EXISTS "
      "(SELECT 1 FROM attendance_marks WHERE pupil_id = $1 AND session_date > $3)",
      {integer(which.pupil_id), which.from, which.to});
  if (!outside || outside->integer(0)) return false;
  c.each_row_together({pupil_totals_read("attendance_code_totals", which, "", {integer(which.pupil_id)}, out)});
  return true;
}

std::vector<MarkRow> marks_of_pupil(Connection& c, std::int64_t pupil_id, const std::string& from,
                                    const std::string& to) {
  std::vector<MarkRow> out;
  c.each_row_together({marks_of_pupil_read(c.engine(), {pupil_id, from, to, std::nullopt}, out)});
  return out;
}

void correct_mark(Connection& c, std::int64_t pupil_id, const std::string& date, const std::string& session,
                  const std::string& code, const std::string& reason) {
  c.exec(
      "UPDATE attendance_marks SET school_code = $4, school_reason = $5 WHERE pupil_id = $1 AND session_date = $2 "
      "AND session = $3",
      {integer(pupil_id), date, session, code, reason});
}

std::vector<CodeRow> school_codes(Connection& c, std::int64_t school_id, const std::string& from,
                                  const std::string& to) {
  auto rows = c.query(
      // A mark's school is its placement's (one foreign key says so): the school's placements find
      // their pupils' marks of those days by the pupil's own index, on either engine.
      "SELECT p.upn, m.session_date, m.session, COALESCE(m.school_code, m.provider_code) FROM placements pl "
      "JOIN attendance_marks m ON m.pupil_id = pl.pupil_id AND m.placement_id = pl.id JOIN pupils p ON p.id = "
      "m.pupil_id WHERE pl.school_id = $1 AND m.session_date >= $2 AND m.session_date <= $3 "
      // Outreach sessions count in the register as the law codes them (outreach_sessions.school_code).
      "UNION ALL SELECT p.upn, o.held_on, o.session, o.school_code FROM outreach_sessions o JOIN pupils p ON p.id = "
      "o.pupil_id WHERE o.school_id = $1 AND o.held_on >= $2 AND o.held_on <= $3 "
      "ORDER BY 2, 3, 1",
      {integer(school_id), from, to});
  return map_rows(rows, [](const Row& r) { return CodeRow{r.text(0), r.text(1), r.text(2), r.text(3)}; });
}

std::vector<ActiveSlot> active_slots_on(Connection& c, const std::string& date, unsigned iso_weekday) {
  // Read row by row into the slots: at national size this is 300,000 rows a sweep, and a list of
  // generic rows held beside them took 100 MB.
  std::vector<ActiveSlot> slots;
  c.each_row(
      "SELECT pl.id, pl.pupil_id, pl.school_id, pl.provider_id, pl.start_date, t.weekday, t.start_minute, "
      "t.end_minute FROM placements pl JOIN timetable_slots t ON t.placement_id = pl.id "
      "WHERE pl.status = 'active' AND pl.planned_end_date >= $1 AND pl.start_date <= $1 AND ($2 = 0 OR t.weekday = $2) "
      "ORDER BY pl.id, t.weekday, t.start_minute",
      {date, integer(iso_weekday)}, [&](Row& r) {
        slots.push_back({r.integer(0), r.integer(1), r.integer(2), r.integer(3), r.text(4),
                         static_cast<unsigned>(r.integer(5)), static_cast<int>(r.integer(6)),
                         static_cast<int>(r.integer(7))});
      });
  return slots;
}

std::vector<ActivePlacementDays> active_placement_days_on(Connection& c, const std::string& date) {
  std::vector<ActivePlacementDays> placements;
  c.each_row(
      "SELECT pl.id, pl.pupil_id, pl.school_id, pl.provider_id, pl.start_date, SUM(DISTINCT 1 << t.weekday) FROM "
      "placements pl JOIN timetable_slots t ON t.placement_id = pl.id WHERE pl.status = 'active' AND "
      "pl.planned_end_date >= $1 AND pl.start_date <= $1 GROUP BY pl.id, pl.pupil_id, pl.school_id, "
      "pl.provider_id, pl.start_date ORDER BY pl.id",
      {date}, [&](Row& r) {
        placements.push_back(
            {r.integer(0), r.integer(1), r.integer(2), r.integer(3), r.text(4), static_cast<unsigned>(r.integer(5))});
      });
  return placements;
}

std::vector<std::pair<std::int64_t, std::string>> marked_sessions_on(Connection& c, const std::string& date) {
  auto rows = c.query("SELECT pupil_id, session FROM attendance_marks WHERE session_date = $1", {date});
  return map_rows(rows, [](const Row& r) { return std::pair(r.integer(0), r.text(1)); });
}

std::map<std::int64_t, std::string> last_day_with_code(Connection& c, const std::string& from, const std::string& until,
                                                       const std::vector<std::string>& codes) {
  std::map<std::int64_t, std::string> out;
  const auto first = domain::parse_date(from), last = domain::parse_date(until);
  if (codes.empty() || !first || !last) return out;
  // The period's days are written into the statement, not sent as values: planned once with values,
  // PostgreSQL guessed a few hundred marks where a national period holds millions and read them
  // through the day index and a sort (7 s at 4.8 million marks, against 2.4 s planned for the days).
  // Formatted again from parsed days, they are digits and dashes. A new statement a day.
  Params params;
  const auto sql = "SELECT pupil_id, MAX(session_date) FROM attendance_marks WHERE session_date >= '" +
                   domain::format_date(*first) + "' AND session_date <= '" + domain::format_date(*last) +
                   "' AND COALESCE(school_code, provider_code) IN (" + in_list(params, codes) + ") GROUP BY pupil_id";
  for (const auto& r : c.query(sql, params)) out.emplace(r.integer(0), r.text(1));
  return out;
}

}  // namespace waypoint::store
