#pragma once
// The national attendance codes (School Attendance (Pupil Registration) (England) Regulations 2024)
// as one table, and the rules that turn a provider's mark into the home school's code and marks
// into an attendance rate. Codes marked (check) in DOMAIN.md are here too, so they are easy to correct.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/calendar/school_calendar.hpp"

namespace waypoint::domain {

enum class SessionMeaning {
  Present,            // attended
  AttendedElsewhere,  // attended, at approved education off site
  NotPossibleHere,    // D, X, Y1-Y7, Z, #: not counted as a possible session
  AuthorisedAbsence,
  UnauthorisedAbsence,
};

struct AttendanceCode {
  std::string_view code;
  std::string_view meaning;
  SessionMeaning counts_as;
  bool provider_may_use;  // an absence reason a provider may give; the school decides the rest
};

const std::vector<AttendanceCode>& attendance_codes();
std::optional<AttendanceCode> find_attendance_code(std::string_view code);

// Registers are taken twice a day.
enum class Session { Morning, Afternoon };

// What a provider records for a session.
enum class MarkKind { Present, Late, Absent };
struct ProviderMark {
  MarkKind kind = MarkKind::Present;
  int minutes_late = 0;
  bool after_register_closed = false;  // a late arrival after the register closed
  std::string absence_code;            // for Absent: one the provider may use
};

// The home school's code for a provider's mark in a session: present or late at school-arranged AP
// is B, at LA-arranged provision K, at a school where the pupil is dual registered D; in the school's
// own unit (Tier 1) the pupil is at school, so present is / in the morning and \ in the afternoon and
// late is L; arriving after the register closed is U; absences keep their code. Nothing if the
// absence code is not one a provider may use.
std::optional<std::string> home_school_code(const ProviderMark& mark, std::string_view legal_basis, Session session);

struct AttendanceSummary {
  int possible = 0;
  int attended = 0;
  int authorised = 0;
  int unauthorised = 0;
  double rate() const { return possible ? static_cast<double>(attended) / possible : 0.0; }
  // Counts `sessions` sessions marked with `code`; codes not in the table are left out.
  void add(std::string_view code, int sessions = 1);
  AttendanceSummary& operator+=(const AttendanceSummary& more);
  // Persistent absence: 10 % or more of possible sessions missed; severe: 50 % or more. Exact
  // arithmetic in whole sessions, so 10 of 100 is persistent and 9 of 100 is not.
  bool persistent_absence() const { return possible && (possible - attended) * 10 >= possible; }
  bool severe_absence() const { return possible && (possible - attended) * 2 >= possible; }
};

// Whether a code means the pupil attended (present, or at approved education off site).
bool counts_as_attendance(std::string_view code);

// Codes not in the table are left out, as if not recorded.
AttendanceSummary summarise_attendance(const std::vector<std::string>& codes);

// A timetabled slot belongs to the morning if it starts before
// `midday`, to the afternoon if it ends after it (a slot across midday belongs to both).
std::string_view session_code(Session s);   // "am", "pm"
std::string_view session_label(Session s);  // "Morning", "Afternoon"
std::optional<Session> parse_session(std::string_view code);

struct ExpectedSession {
  Session session;
  int starts_at = 0;  // the earliest slot's start in that session, minutes after midnight
};

// The sessions of `day` in which `slots` (one pupil's, at one setting) expect the pupil, in order.
struct SlotTimes {
  unsigned iso_weekday = 1;
  int start_minute = 0;
  int end_minute = 0;
};
std::vector<ExpectedSession> expected_sessions(const std::vector<SlotTimes>& slots, unsigned iso_weekday,
                                               int midday = 12 * 60 + 30);
// The morning and afternoon sessions `slots` cover in a school week, Monday to Friday: 0 to 10.
int sessions_a_week(const std::vector<SlotTimes>& slots, int midday = 12 * 60 + 30);

// The sessions of a pupil on a part-time timetable that their week (`slots`: every setting, school
// and provider alike) does not cover, on the school days of [from, to]: each is coded C2 in the
// school's register, leave of absence for a part-time timetable.
struct SessionOff {
  Date day;
  Session session;
};
std::vector<SessionOff> part_time_sessions_off(const std::vector<SlotTimes>& slots, const SchoolCalendar& calendar,
                                               Date from, Date to, int midday = 12 * 60 + 30);

// A register opens when its session starts and closes `close_after` minutes later (30 by default,
// the most the regulations allow): a mark taken at the closing minute or later is after it closed.
struct RegisterPolicy {
  int close_after_minutes = 30;
};
bool register_closed(int session_start_minute, int now_minute, const RegisterPolicy& p = {});

}  // namespace waypoint::domain
