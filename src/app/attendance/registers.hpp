#pragma once
// Registers at a provider: who is expected each session (by their timetables and active
// placements), and the marks its staff take.
#include <optional>
#include <string>
#include <vector>

#include "app/kernel/actor.hpp"
#include "app/kernel/services.hpp"
#include "app/progress/progress.hpp"
#include "domain/attendance/attendance.hpp"
#include "domain/pupils/pupil.hpp"
#include "store/attendance/attendance_store.hpp"

namespace waypoint::app {

struct RegisterEntry {
  domain::Pupil pupil;
  std::int64_t placement_id = 0;
  std::string legal_basis;
  int expected_from = 0;                // minutes after midnight
  std::optional<std::int64_t> site_id;  // where the timetable puts the pupil that session
  std::optional<store::MarkRow> mark;
};

// A register is taken a group at a time: the pupils expected at one of the provider's sites.
struct RegisterGroup {
  std::int64_t site_id = 0;
  std::string name;
};

struct RegisterView {
  std::string date;
  domain::Session session = domain::Session::Morning;
  int opens_at = 0;
  int closes_at = 0;
  bool closed = false;  // later arrivals are recorded as U
  std::vector<RegisterEntry> entries;
  bool taken = false;                 // every expected pupil shown has a mark
  std::vector<RegisterGroup> groups;  // the sites with pupils expected this session
  std::optional<std::int64_t> group;  // the one shown; everyone when empty
};

// `date` YYYY-MM-DD (today when empty; not in the future), `session` am or pm, `group` a site's id
// (everyone expected when empty).
RegisterView view_register(const Services& s, const Actor& a, const std::string& date, const std::string& session,
                           const std::string& group = {});

struct MarkInput {
  std::int64_t pupil_id = 0;
  std::string mark;  // present, late, absent
  std::string minutes_late;
  std::string absence_code;
};

// Takes the register: a mark for each pupil given. A pupil not expected at this provider that
// session is refused; changing a mark already recorded needs a reason; all of it is audited.
void take_register(const Services& s, const Actor& a, const std::string& date, const std::string& session,
                   const std::vector<MarkInput>& marks, const std::string& change_reason);

// The school's codes for its pupils in AP between two dates (inclusive, at most a year), for its
// management information system. Audited.
std::vector<store::CodeRow> export_attendance(const Services& s, const Actor& a, const std::string& from,
                                              const std::string& to);

// A pupil's attendance over the last year: each mark (the provider's code and any correction) and
// the rate by the possible-session rules. A provider sees only the marks taken with it.
struct PupilAttendance {
  domain::Pupil pupil;
  std::vector<store::MarkRow> marks;   // the year's sessions newest first: all, or the page asked for
  bool more = false;                   // a page follows the one asked for
  std::vector<store::MarkRow> recent;  // the sessions since the day asked for, newest first
  domain::AttendanceSummary summary;   // the whole year's, counted by the database
  bool can_correct = false;
  ProgressTrend progress;  // the engagement trend and incidents beside the marks, when asked for
};
// What of the year is read beside its summary: every session, or one page of them (a person reads
// a page; a year is 380 sessions); the sessions since a day, for a calendar of recent weeks; and
// the engagement trend and incidents, which the page shows beside them.
struct AttendanceShown {
  std::optional<store::PageRequest> page;
  std::optional<std::string> recent_from;
  bool progress = false;  // the engagement trend and incidents too
};
// The last 365 days to today; a provider's staff see the sessions at their own provider only.
PupilAttendance pupil_attendance(const Services& s, const Actor& a, std::int64_t pupil_id,
                                 const AttendanceShown& shown = {});
// The home school changes the code it will send, with a reason; the provider's mark is kept.
void correct_attendance(const Services& s, const Actor& a, std::int64_t pupil_id, const std::string& date,
                        const std::string& session, const std::string& code, const std::string& reason);

// The school's "today" board: every pupil in AP today, where they should be each session, whether
// the register is in, and who is absent without a reason.
struct TodaySession {
  domain::Session session = domain::Session::Morning;
  int expected_from = 0;
  std::optional<std::string> code;  // the code to send, once the register is in
};
struct TodayRow {
  domain::Pupil pupil;
  std::string provider_name;
  std::int64_t placement_id = 0;
  std::vector<TodaySession> sessions;
};
struct TodayBoard {
  std::string date;
  std::vector<TodayRow> rows;
};
TodayBoard today_board(const Services& s, const Actor& a);

}  // namespace waypoint::app
