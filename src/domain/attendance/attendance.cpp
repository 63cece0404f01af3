#include "domain/attendance/attendance.hpp"

#include <algorithm>
#include <unordered_map>

namespace waypoint::domain {

const std::vector<AttendanceCode>& attendance_codes() {
  using enum SessionMeaning;
  static const std::vector<AttendanceCode> list{
      {"/", "Present (morning)", Present, false},
      {"\\", "Present (afternoon)", Present, false},
      {"L", "Late, before the register closed", Present, false},
      {"K", "Attending provision arranged by the local authority", AttendedElsewhere, false},
      {"V", "Educational visit or trip", AttendedElsewhere, false},
      {"P", "Approved sporting activity", AttendedElsewhere, false},
      {"W", "Work experience", AttendedElsewhere, false},
      {"B", "Other approved educational activity off site", AttendedElsewhere, false},
      {"D", "Dual registered: at the other school", NotPossibleHere, false},
      {"C1", "Regulated performance or employment abroad", AuthorisedAbsence, false},
      {"M", "Medical or dental appointment", AuthorisedAbsence, true},
      {"J1", "Interview", AuthorisedAbsence, false},
      {"S", "Study leave", AuthorisedAbsence, false},
      {"X", "Not of compulsory school age", NotPossibleHere, false},
      {"C2", "Part-time timetable", AuthorisedAbsence, false},
      {"C", "Exceptional circumstances", AuthorisedAbsence, false},
      {"T", "Mobile child: parent travelling for work", AuthorisedAbsence, false},
      {"R", "Religious observance", AuthorisedAbsence, true},
      {"I", "Illness", AuthorisedAbsence, true},
      {"E", "Suspended or excluded, no alternative provision made", AuthorisedAbsence, false},
      {"Y1", "Transport not available", NotPossibleHere, true},
      {"Y2", "Widespread travel disruption", NotPossibleHere, true},
      {"Y3", "Part of the site closed", NotPossibleHere, true},
      {"Y4", "Whole site closed unexpectedly", NotPossibleHere, true},
      {"Y5", "Criminal justice detention", NotPossibleHere, false},
      {"Y6", "Public health guidance or law", NotPossibleHere, true},
      {"Y7", "Other unavoidable cause", NotPossibleHere, true},  // (check)
      {"G", "Holiday not agreed", UnauthorisedAbsence, false},
      {"N", "Reason not yet given", UnauthorisedAbsence, true},
      {"O", "Other unauthorised absence", UnauthorisedAbsence, false},
      {"U", "Arrived after the register closed", UnauthorisedAbsence, false},
      {"Z", "Not yet on roll", NotPossibleHere, false},
      {"#", "Planned school closure", NotPossibleHere, false},  // (check)
  };
  return list;
}

std::optional<AttendanceCode> find_attendance_code(std::string_view code) {
  // Looked up once for each total an area's or a year's attendance adds up: by table, not by search.
  static const auto by_code = [] {
    std::unordered_map<std::string_view, const AttendanceCode*> out;
    for (const auto& c : attendance_codes()) out.emplace(c.code, &c);
    return out;
  }();
  const auto it = by_code.find(code);
  if (it == by_code.end()) return std::nullopt;
  return *it->second;
}

std::optional<std::string> home_school_code(const ProviderMark& mark, std::string_view legal_basis, Session session) {
  if (mark.kind == MarkKind::Absent) {
    const auto code = find_attendance_code(mark.absence_code);
    if (!code || !code->provider_may_use) return std::nullopt;
    return std::string(code->code);
  }
  if (mark.kind == MarkKind::Late && mark.after_register_closed) return "U";
  if (legal_basis == "own_unit") {
    if (mark.kind == MarkKind::Late) return "L";
    return session == Session::Morning ? "/" : "\\";
  }
  if (legal_basis == "la_s19") return "K";
  if (legal_basis == "dual_registration") return "D";
  return "B";
}

bool counts_as_attendance(std::string_view text) {
  const auto code = find_attendance_code(text);
  return code && (code->counts_as == SessionMeaning::Present || code->counts_as == SessionMeaning::AttendedElsewhere);
}

AttendanceSummary& AttendanceSummary::operator+=(const AttendanceSummary& more) {
  possible += more.possible;
  attended += more.attended;
  authorised += more.authorised;
  unauthorised += more.unauthorised;
  return *this;
}

void AttendanceSummary::add(std::string_view text, int sessions) {
  const auto code = find_attendance_code(text);
  if (!code) return;
  switch (code->counts_as) {
    case SessionMeaning::Present:
    case SessionMeaning::AttendedElsewhere:
      possible += sessions;
      attended += sessions;
      break;
    case SessionMeaning::AuthorisedAbsence:
      possible += sessions;
      authorised += sessions;
      break;
    case SessionMeaning::UnauthorisedAbsence:
      possible += sessions;
      unauthorised += sessions;
      break;
    case SessionMeaning::NotPossibleHere:
      break;
  }
}

AttendanceSummary summarise_attendance(const std::vector<std::string>& codes) {
  AttendanceSummary s;
  for (const auto& code : codes) s.add(code);
  return s;
}

std::string_view session_code(Session s) { return s == Session::Morning ? "am" : "pm"; }

std::string_view session_label(Session s) { return s == Session::Morning ? "Morning" : "Afternoon"; }

std::optional<Session> parse_session(std::string_view code) {
  if (code == "am") return Session::Morning;
  if (code == "pm") return Session::Afternoon;
  return std::nullopt;
}

std::vector<ExpectedSession> expected_sessions(const std::vector<SlotTimes>& slots, unsigned iso_weekday, int midday) {
  std::optional<int> morning, afternoon;
  for (const auto& s : slots) {
    if (s.iso_weekday != iso_weekday || s.end_minute <= s.start_minute) continue;
    if (s.start_minute < midday) morning = std::min(morning.value_or(s.start_minute), s.start_minute);
    if (s.end_minute > midday) {
      const int from = std::max(s.start_minute, midday);
      afternoon = std::min(afternoon.value_or(from), from);
    }
  }
  std::vector<ExpectedSession> out;
  if (morning) out.push_back({Session::Morning, *morning});
  if (afternoon) out.push_back({Session::Afternoon, *afternoon});
  return out;
}

int sessions_a_week(const std::vector<SlotTimes>& slots, int midday) {
  int n = 0;
  for (unsigned day = 1; day <= 5; ++day) n += static_cast<int>(expected_sessions(slots, day, midday).size());
  return n;
}

std::vector<SessionOff> part_time_sessions_off(const std::vector<SlotTimes>& slots, const SchoolCalendar& calendar,
                                               Date from, Date to, int midday) {
  std::vector<SessionOff> out;
  for (auto day = std::chrono::sys_days(from); day <= std::chrono::sys_days(to); day += std::chrono::days(1)) {
    if (!is_school_day(calendar, Date(day))) continue;
    const auto expected = expected_sessions(slots, std::chrono::weekday(day).iso_encoding(), midday);
    for (const auto session : {Session::Morning, Session::Afternoon})
      if (std::none_of(expected.begin(), expected.end(),
                       [&](const ExpectedSession& e) { return e.session == session; }))
        out.push_back({Date(day), session});
  }
  return out;
}

bool register_closed(int session_start_minute, int now_minute, const RegisterPolicy& p) {
  return now_minute >= session_start_minute + p.close_after_minutes;
}

}  // namespace waypoint::domain
