#include <gtest/gtest.h>

#include <algorithm>

#include "domain/alert.hpp"
#include "domain/attendance.hpp"

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
  auto code = [](MarkKind kind, int minutes, bool after_close, const char* absence, const char* basis) {
    ProviderMark m;
    m.kind = kind;
    m.minutes_late = minutes;
    m.after_register_closed = after_close;
    m.absence_code = absence;
    return home_school_code(m, basis);
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
