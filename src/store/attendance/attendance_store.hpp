#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "store/kernel/database.hpp"
#include "store/kernel/page.hpp"

namespace waypoint::store {

struct MarkRow {
  std::int64_t pupil_id = 0;
  std::int64_t placement_id = 0;
  std::int64_t provider_id = 0;
  std::int64_t school_id = 0;
  std::string session_date;  // YYYY-MM-DD
  std::string session;       // am, pm
  std::string mark;          // present, late, absent
  int minutes_late = 0;
  std::string absence_code;
  std::string provider_code;  // the home school's code from the provider's mark
  std::optional<std::string> school_code;
  std::optional<std::string> changed_reason;
  // The code that counts: the school's correction where it made one, else the provider's.
  const std::string& code() const { return school_code ? *school_code : provider_code; }
};

// On PostgreSQL, the academic years [from, to] falls in (1 September to 31 August) as constant
// bounds on `column`, " AND column >= '2026-09-01' AND column < '2027-09-01'", which the marks'
// statements add to their own dates: the marks are partitioned by academic year (migration 0050),
// and a statement planned once for any dates (a named statement's generic plan) prunes the years
// only by constants; without them every run locks each of the 26 years and their indexes. On
// SQLite, which keeps one table (and would take the bounds for its index's range), nothing.
std::string marks_years(Engine engine, const std::string& column, const std::string& from, const std::string& to);

// Marks at a provider for one session, into `out`, to send with other reads
// (Connection::each_row_together).
Read marks_for_session_read(Engine engine, std::int64_t provider_id, const std::string& date,
                            const std::string& session, std::vector<MarkRow>& out);
// Marks of a school's pupils on one day, wherever they were, into `out`, to send with other reads.
Read marks_of_school_on_read(Engine engine, std::int64_t school_id, const std::string& date, std::vector<MarkRow>& out);
std::optional<MarkRow> find_mark(Connection& c, std::int64_t pupil_id, const std::string& date,
                                 const std::string& session);
// A register's marks in one statement (a round trip per 200 marks): each inserted, or replacing
// the provider's part of the pupil's mark for that session (a school's correction stays). A mark
// sent again unchanged is left as it was, with who recorded it and when: nothing is written for it.
void save_marks(Connection& c, const std::vector<MarkRow>& marks, std::int64_t user_id, const std::string& now);
// Marks for sessions the caller found none for, in one statement as above, answering those it
// could not add because another send made the session's mark meanwhile (for save_marks to replace).
// An insert that never updates: on PostgreSQL the totals' triggers for an update do not fire.
std::vector<MarkRow> add_marks(Connection& c, const std::vector<MarkRow>& marks, std::int64_t user_id,
                               const std::string& now);
// Marks for sessions that have none yet, for generated data (BulkMarkLoad), as fast as the engine
// takes them: on SQLite by insert_new_marks, a prepared insert a mark; on PostgreSQL by COPY into
// `table` (the marks table, or one year of it) from copy_of_new_marks, each row in COPY's text format
// from append_new_mark. A mark that exists already makes the whole load fail rather than replace it.
void insert_new_marks(Connection& c, const std::vector<MarkRow>& marks, std::int64_t user_id, const std::string& now);
std::string copy_of_new_marks(const std::string& table);
void append_new_mark(std::string& rows, const MarkRow& m, const std::string& user_id, const std::string& now);

// A pupil's marks between two dates, newest first.
std::vector<MarkRow> marks_of_pupil(Connection& c, std::int64_t pupil_id, const std::string& from,
                                    const std::string& to);
// Which of a pupil's marks a read takes: from one day to another, at one provider if given (a
// provider's staff see only the sessions at their own).
struct PupilMarks {
  std::int64_t pupil_id = 0;
  std::string from, to;
  std::optional<std::int64_t> provider_id;
};
// Those marks, newest first, into `out`, to send with other reads; one page of them (a row more
// than the page, to tell whether another follows) when `page` is given.
Read marks_of_pupil_read(Engine engine, const PupilMarks& which, std::vector<MarkRow>& out,
                         const std::optional<PageRequest>& page = std::nullopt);
// Those sessions counted by the code that counts (the school's correction, else the provider's),
// into `out`: a row a code, however many marks.
struct SessionCount {
  std::string code;
  int sessions = 0;
};
Read session_counts_of_pupil_read(Engine engine, const PupilMarks& which, std::vector<SessionCount>& out);
// The same counts for the whole weeks whose Mondays are `which.from` to `which.to`, from the weekly
// totals kept for each placement (a row a week and code instead of a row a session), into `out`,
// a code perhaps in several rows.
Read session_counts_of_pupil_weeks_read(const PupilMarks& which, std::vector<SessionCount>& out);
// On SQLite, the same counts from the running totals of the pupil's placements (a row a placement
// and code), when none of the pupil's marks lies outside `which.from` to `which.to`: true when they
// were counted so, into `out`; false, with nothing read into it, otherwise and on PostgreSQL.
bool session_counts_of_pupil_from_totals(Connection& c, const PupilMarks& which, std::vector<SessionCount>& out);
// The school's own code for a session, kept beside the provider's mark.
void correct_mark(Connection& c, std::int64_t pupil_id, const std::string& date, const std::string& session,
                  const std::string& code, const std::string& reason);

// The codes a school sends to its management information system: its correction where it made
// one, else the code from the provider's mark. Ordered by date, session and UPN.
struct CodeRow {
  std::string upn;
  std::string date;
  std::string session;
  std::string code;
};
std::vector<CodeRow> school_codes(Connection& c, std::int64_t school_id, const std::string& from,
                                  const std::string& to);

// For the area-wide alert sweep. Every timetabled slot of the placements active on `date`.
struct ActiveSlot {
  std::int64_t placement_id = 0;
  std::int64_t pupil_id = 0;
  std::int64_t school_id = 0;
  std::int64_t provider_id = 0;
  std::string start_date;  // the placement's
  unsigned iso_weekday = 1;
  int start_minute = 0;
  int end_minute = 0;
};
// The slots of every placement active on `date`; of one weekday only when `iso_weekday` is given.
std::vector<ActiveSlot> active_slots_on(Connection& c, const std::string& date, unsigned iso_weekday = 0);
// Each placement active on `date` that has a timetable, with the weekdays it has slots on (bit
// 1 << iso weekday): one row a placement, for sweeps over a whole country's placements.
struct ActivePlacementDays {
  std::int64_t placement_id = 0;
  std::int64_t pupil_id = 0;
  std::int64_t school_id = 0;
  std::int64_t provider_id = 0;
  std::string start_date;
  unsigned iso_weekdays = 0;
};
std::vector<ActivePlacementDays> active_placement_days_on(Connection& c, const std::string& date);
// The pupils and sessions with a mark on `date`.
std::vector<std::pair<std::int64_t, std::string>> marked_sessions_on(Connection& c, const std::string& date);
// Each pupil's latest day from `from` to `until` (ISO days; none if either is not one) with a mark
// whose code (the school's, else the provider's) is one of `codes`: one row a pupil, however many
// marks the period holds.
std::map<std::int64_t, std::string> last_day_with_code(Connection& c, const std::string& from, const std::string& until,
                                                       const std::vector<std::string>& codes);

}  // namespace waypoint::store
