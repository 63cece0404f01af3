#include <gtest/gtest.h>

#include <algorithm>

#include "domain/alerts/alert.hpp"
#include "domain/attendance/attendance.hpp"
#include "domain/kernel/calendar_date.hpp"
#include "sample_calendar.hpp"

using namespace waypoint::domain;

TEST(AttendanceCodes, EveryCodeOnceWithItsMeaning) {
  std::vector<std::string> seen;
  for (const auto& c : attendance_codes()) {
    EXPECT_EQ(std::count(seen.begin(), seen.end(), std::string(c.code)), 0) << c.code;
    seen.emplace_back(c.code);
  }
  EXPECT_EQ(find_attendance_code("C2")->counts_as, SessionMeaning::AuthorisedAbsence);
  EXPECT_EQ(find_attendance_code("D")->counts_as, SessionMeaning::NotPossibleHere);
  EXPECT_EQ(find_attendance_code("U")->counts_as, SessionMeaning::UnauthorisedAbsence);
  EXPECT_FALSE(find_attendance_code("Q").has_value());
}

TEST(AttendanceCodes, AProvidersMarkBecomesTheHomeSchoolsCode) {
  // Built one by one: GCC 12 warns falsely about a const table of aggregates holding strings.
  auto code = [](MarkKind kind, int minutes, bool after_close, const char* absence, const char* basis,
                 Session session = Session::Morning) {
    ProviderMark m;
    m.kind = kind;
    m.minutes_late = minutes;
    m.after_register_closed = after_close;
    m.absence_code = absence;
    return home_school_code(m, basis, session);
  };
  using std::nullopt;
  EXPECT_EQ(code(MarkKind::Present, 0, false, "", "off_site_direction"), "B");
  EXPECT_EQ(code(MarkKind::Present, 0, false, "", "academy_powers"), "B");
  EXPECT_EQ(code(MarkKind::Present, 0, false, "", "la_s19"), "K");
  EXPECT_EQ(code(MarkKind::Present, 0, false, "", "dual_registration"), "D");
  EXPECT_EQ(code(MarkKind::Late, 10, false, "", "off_site_direction"), "B");  // before the register closed
  EXPECT_EQ(code(MarkKind::Late, 45, true, "", "la_s19"), "U");               // after it closed
  EXPECT_EQ(code(MarkKind::Absent, 0, false, "I", "off_site_direction"), "I");
  EXPECT_EQ(code(MarkKind::Absent, 0, false, "N", "la_s19"), "N");
  EXPECT_EQ(code(MarkKind::Absent, 0, false, "G", "off_site_direction"), nullopt);  // the school's to decide
  EXPECT_EQ(code(MarkKind::Absent, 0, false, "?", "off_site_direction"), nullopt);
  EXPECT_EQ(code(MarkKind::Present, 0, false, "", "off_site_direction", Session::Afternoon), "B");
}

TEST(AttendanceCodes, TheSchoolsOwnUnitIsPresenceAtSchool) {
  auto code = [](MarkKind kind, bool after_close, const char* absence, Session session) {
    ProviderMark m;
    m.kind = kind;
    m.minutes_late = kind == MarkKind::Late ? 10 : 0;
    m.after_register_closed = after_close;
    m.absence_code = absence;
    return home_school_code(m, "own_unit", session);
  };
  EXPECT_EQ(code(MarkKind::Present, false, "", Session::Morning), "/");
  EXPECT_EQ(code(MarkKind::Present, false, "", Session::Afternoon), "\\");
  EXPECT_EQ(code(MarkKind::Late, false, "", Session::Afternoon), "L");  // before the register closed
  EXPECT_EQ(code(MarkKind::Late, true, "", Session::Morning), "U");
  EXPECT_EQ(code(MarkKind::Absent, false, "I", Session::Morning), "I");
  EXPECT_EQ(code(MarkKind::Absent, false, "G", Session::Morning), std::nullopt);
  // Each counts as attendance at school, not as education off site.
  EXPECT_EQ(find_attendance_code("/")->counts_as, SessionMeaning::Present);
  EXPECT_EQ(find_attendance_code("\\")->counts_as, SessionMeaning::Present);
}

TEST(AttendanceRate, PossibleSessionsAndTheTenAndFiftyPercentLines) {
  // 18 attended (B, K, /, L), 2 unauthorised, and sessions that are not possible (D, Y4, #, X).
  std::vector<std::string> codes(15, "B");
  codes.insert(codes.end(), {"K", "/", "L", "N", "U", "D", "Y4", "#", "X"});
  const auto s = summarise_attendance(codes);
  EXPECT_EQ(s.possible, 20);
  EXPECT_EQ(s.attended, 18);
  EXPECT_DOUBLE_EQ(s.rate(), 0.9);
  EXPECT_TRUE(s.persistent_absence());  // exactly 10 % missed
  EXPECT_FALSE(s.severe_absence());

  std::vector<std::string> nearly(91, "B");
  nearly.insert(nearly.end(), 9, "I");
  EXPECT_FALSE(summarise_attendance(nearly).persistent_absence());  // 9 % missed

  std::vector<std::string> half(10, "B");
  half.insert(half.end(), 10, "C2");
  EXPECT_TRUE(summarise_attendance(half).severe_absence());     // exactly 50 %
  EXPECT_FALSE(summarise_attendance({}).persistent_absence());  // an empty record: nothing possible
  EXPECT_FALSE(summarise_attendance({"Y1", "Z"}).persistent_absence());
}

TEST(Register, ClosesAtTheExactMinute) {
  const int nine = 9 * 60;
  EXPECT_FALSE(register_closed(nine, nine));
  EXPECT_FALSE(register_closed(nine, nine + 29));
  EXPECT_TRUE(register_closed(nine, nine + 30));
  EXPECT_TRUE(register_closed(nine, nine + 31));
  EXPECT_FALSE(register_closed(nine, nine + 30, {45}));  // a school that closes its registers later
}

TEST(Register, WhichSessionsATimetableExpects) {
  const int h = 60;
  const std::vector<SlotTimes> week{
      {1, 9 * h, 15 * h},           // Monday, across midday: both sessions; the afternoon from 12:30
      {2, 9 * h, 12 * h},           // Tuesday morning only
      {3, 13 * h, 15 * h},          // Wednesday afternoon only
      {4, 12 * h + 30, 15 * h},     // starting exactly at midday: afternoon
      {4, 10 * h, 11 * h},          // and a later morning slot on Thursday
      {4, 8 * h + 45, 9 * h + 30},  // the earliest morning slot opens the register
  };
  auto sessions = [&](unsigned day) {
    std::vector<std::pair<std::string, int>> out;
    for (const auto& e : expected_sessions(week, day)) out.emplace_back(session_code(e.session), e.starts_at);
    return out;
  };
  using P = std::vector<std::pair<std::string, int>>;
  EXPECT_EQ(sessions(1), (P{{"am", 9 * h}, {"pm", 12 * h + 30}}));
  EXPECT_EQ(sessions(2), (P{{"am", 9 * h}}));
  EXPECT_EQ(sessions(3), (P{{"pm", 13 * h}}));
  EXPECT_EQ(sessions(4), (P{{"am", 8 * h + 45}, {"pm", 12 * h + 30}}));
  EXPECT_EQ(sessions(5), P{});  // an empty Friday
}

TEST(Alerts, AnUnexplainedAbsenceNamesTheProfessionalsToCall) {
  Pupil p;
  p.given_name = "Callum";
  p.family_name = "Patel";
  PupilContact parent, worker, yot;
  parent.role = "parent";
  parent.name = "Sam Patel";
  worker.role = "social_worker";
  worker.name = "Kim Ashworth";
  worker.phone = "01392 000301";
  yot.role = "youth_offending_worker";
  yot.name = "Lee Grant";
  yot.email = "lee@yot.example";
  EXPECT_EQ(unexplained_absence_summary(p, {parent, worker, yot}, "Bridgeway", "2026-11-23", "morning"),
            "Callum Patel is absent without a reason from Bridgeway on the morning of 2026-11-23. Social worker: Kim "
            "Ashworth, 01392 000301. Youth offending worker: Lee Grant, lee@yot.example.");
  EXPECT_EQ(unexplained_absence_summary(p, {parent}, "Bridgeway", "2026-11-23", "afternoon"),
            "Callum Patel is absent without a reason from Bridgeway on the afternoon of 2026-11-23.");
}

TEST(Alerts, ARegisterNotTakenIsOwedToTheMinuteAndToEachSchoolWithPupilsUnmarked) {
  using S = Session;
  // Provider 5's morning register opens at 08:45 (school 2's pupil) though school 3's pupils come at 09:30.
  const std::vector<ExpectedAtProvider> expected{
      {5, 2, 1, S::Morning, 8 * 60 + 45, false}, {5, 3, 7, S::Morning, 9 * 60 + 30, false},
      {5, 3, 8, S::Morning, 9 * 60 + 30, false}, {5, 3, 9, S::Afternoon, 13 * 60, false},
      {6, 2, 4, S::Morning, 9 * 60, true},  // marked: nothing owed
  };
  EXPECT_TRUE(registers_not_taken(expected, 8 * 60 + 45 + 29, 30).empty());
  const auto owed = registers_not_taken(expected, 8 * 60 + 45 + 30, 30);
  ASSERT_EQ(owed.size(), 2u);
  EXPECT_EQ(owed[0].school_id, 2);
  EXPECT_EQ(owed[0].opens_at, 8 * 60 + 45);
  EXPECT_EQ(owed[1].school_id, 3);
  EXPECT_EQ(owed[1].pupil_ids, (std::vector<std::int64_t>{7, 8}));
  EXPECT_EQ(owed[1].opens_at, 8 * 60 + 45);  // the provider's register, not the school's first pupil
  // The afternoon's is owed from 13:30; a configured 45 minutes moves it to 13:45.
  EXPECT_EQ(registers_not_taken(expected, 13 * 60 + 30, 30).size(), 3u);
  EXPECT_EQ(registers_not_taken(expected, 13 * 60 + 44, 45).size(), 2u);
  EXPECT_TRUE(registers_not_taken({}, 23 * 60, 30).empty());  // an empty day
}

TEST(Alerts, SummariesAndMailNameThePupilsOnlyWhereItIsSafe) {
  EXPECT_EQ(register_not_taken_summary("Bridgeway", "Oakfield Academy", {"Aisha Walker", "Ben Carter", "Cara Doyle"},
                                       "2026-11-23", Session::Morning, 8 * 60 + 45),
            "The morning register at Bridgeway on Monday 23 November 2026 (open from 08:45) has no mark for Oakfield "
            "Academy's "
            "pupils Aisha Walker, Ben Carter and Cara Doyle. Until it is taken nobody can say where they are.");
  Pupil p;
  p.given_name = "Aisha";
  p.family_name = "Walker";
  EXPECT_EQ(
      missing_education_summary(p, "Oakfield Academy", "Bridgeway", 10),
      "Aisha Walker, on the roll of Oakfield Academy and placed at Bridgeway, has attended no session on the last "
      "10 school days they were expected there. Follow the children missing education procedures with the "
      "school.");
  const auto mail = alert_mail("unexplained_absence", "Oakfield Academy", "http://127.0.0.1:8080/alerts/7");
  EXPECT_EQ(mail.subject, "Waypoint: a new alert for Oakfield Academy");
  EXPECT_NE(mail.body.find("Unexplained absence"), std::string::npos);
  EXPECT_NE(mail.body.find("http://127.0.0.1:8080/alerts/7\r\n"), std::string::npos);
}

TEST(AttendanceRate, ACountOfSessionsAddsUpLikeTheSessionsThemselves) {
  AttendanceSummary counted;
  counted.add("B", 3);
  counted.add("N", 2);
  counted.add("I");
  counted.add("Y1", 4);  // not possible here
  counted.add("??", 9);  // not a code
  const auto listed = summarise_attendance({"B", "B", "B", "N", "N", "I", "Y1", "Y1", "Y1", "Y1"});
  EXPECT_EQ(counted.possible, listed.possible);
  EXPECT_EQ(counted.attended, 3);
  EXPECT_EQ(counted.unauthorised, 2);
  EXPECT_EQ(counted.authorised, 1);
  EXPECT_EQ(counted.possible, 6);
}

TEST(Register, APartTimeWeeksMissingSessionsAreC2OnSchoolDaysOnly) {
  // Monday and Tuesday mornings, Wednesday all day; nothing on Thursday or Friday.
  const std::vector<SlotTimes> week{{1, 9 * 60, 12 * 60}, {2, 9 * 60, 12 * 60}, {3, 9 * 60, 15 * 60}};
  std::vector<std::string> off;
  // Friday 23 October is the last day of the half term; the next week is the holiday; Monday 2
  // November is an INSET day; Tuesday 3 November the pupil comes in the morning.
  for (const auto& s : part_time_sessions_off(week, calendar(), d("2026-10-23"), d("2026-11-03")))
    off.push_back(format_date(s.day) + " " + std::string(session_code(s.session)));
  EXPECT_EQ(off, (std::vector<std::string>{"2026-10-23 am", "2026-10-23 pm", "2026-11-03 pm"}));
  // A full week leaves nothing; a day with nothing timetabled is two sessions.
  const std::vector<SlotTimes> full{{1, 540, 900}, {2, 540, 900}, {3, 540, 900}, {4, 540, 900}, {5, 540, 900}};
  EXPECT_TRUE(part_time_sessions_off(full, calendar(), d("2026-11-03"), d("2026-11-27")).empty());
  EXPECT_EQ(part_time_sessions_off({}, calendar(), d("2026-11-04"), d("2026-11-04")).size(), 2u);
  EXPECT_TRUE(part_time_sessions_off({}, calendar(), d("2026-11-05"), d("2026-11-04")).empty()) << "an empty range";
}
