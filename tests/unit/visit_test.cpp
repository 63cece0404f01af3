// Monitoring visits: what a visit record needs, and when the next visit is due on each schedule,
// across half terms, holidays, closures and bank holidays.
#include <gtest/gtest.h>

#include "domain/visits/visit.hpp"
#include "sample_calendar.hpp"

namespace {

using namespace waypoint::domain;

std::string due_text(std::string_view every, const char* start, std::optional<const char*> last = std::nullopt) {
  const auto due = next_visit_due(calendar(), every, d(start), last ? std::optional(d(*last)) : std::nullopt);
  return due ? format_date(*due) : "none";
}

std::vector<std::string> visit_fields(const FieldErrors& e) {
  std::vector<std::string> out;
  for (const auto& x : e) out.push_back(x.field);
  return out;
}

TEST(VisitSchedule, EachHalfTermTheFirstByTheEndOfThePlacementsFirstHalfTerm) {
  EXPECT_EQ(due_text("half_term", "2026-11-09"), "2026-12-18");
  EXPECT_EQ(due_text("half_term", "2026-12-18"), "2026-12-18");  // starting on the half term's last day
  EXPECT_EQ(due_text("half_term", "2026-12-21"), "2027-02-12");  // starting in the holiday: the next one's
}

TEST(VisitSchedule, EachHalfTermThenByTheEndOfTheHalfTermAfterTheLastVisit) {
  EXPECT_EQ(due_text("half_term", "2026-09-07", "2026-10-23"), "2026-12-18");  // the last day of one
  EXPECT_EQ(due_text("half_term", "2026-09-07", "2026-11-03"), "2027-02-12");  // the first week of the next
  EXPECT_EQ(due_text("half_term", "2026-09-07", "2026-10-28"), "2026-12-18");  // in the holiday: counts for the next
  EXPECT_EQ(due_text("half_term", "2026-09-07", "2027-07-21"), "2028-03-31");  // across the summer
  EXPECT_EQ(due_text("half_term", "2026-09-07", "2028-03-01"), "none");        // the calendar runs out
}

TEST(VisitSchedule, EveryFewWeeksMovedOnToTheNextSchoolDay) {
  EXPECT_EQ(due_text("two_weeks", "2026-11-09"), "2026-11-23");
  EXPECT_EQ(due_text("four_weeks", "2026-11-09", "2026-11-30"), "2027-01-05");  // 28 December is a holiday
  EXPECT_EQ(due_text("two_weeks", "2026-10-12"), "2026-11-03");  // 26 October a holiday, 2 November INSET
  EXPECT_EQ(due_text("two_weeks", "2027-02-19", "2027-02-19"), "2027-03-05");
  EXPECT_EQ(due_text("four_weeks", "2026-11-09", "2027-07-20"), "2028-01-04");  // across the summer
}

TEST(VisitSchedule, OverdueFromTheDayAfter) {
  EXPECT_FALSE(visit_overdue(d("2026-12-18"), d("2026-12-18")));
  EXPECT_TRUE(visit_overdue(d("2026-12-18"), d("2026-12-19")));
}

TEST(VisitRecord, WhoWentWhatWasSeenAndWhetherThePupilWasLearning) {
  const VisitInput ok{"2026-11-20", "Priya Shah", "yes", "Maths with a tutor, engaged", "", {}};
  EXPECT_TRUE(visit_problems(ok, d("2026-11-09"), d("2026-12-01")).empty());
  EXPECT_EQ(visit_fields(visit_problems({}, d("2026-11-09"), d("2026-12-01"))),
            (std::vector<std::string>{"visited_on", "visitors", "pupil_seen_learning", "what_seen"}));
  auto before = ok;
  before.visited_on = "2026-11-08";
  EXPECT_EQ(visit_fields(visit_problems(before, d("2026-11-09"), d("2026-12-01"))),
            std::vector<std::string>{"visited_on"});
  auto future = ok;
  future.visited_on = "2026-12-02";
  EXPECT_EQ(visit_fields(visit_problems(future, d("2026-11-09"), d("2026-12-01"))),
            std::vector<std::string>{"visited_on"});
  auto today = ok;
  today.visited_on = "2026-12-01";
  EXPECT_TRUE(visit_problems(today, d("2026-11-09"), d("2026-12-01")).empty());
}

TEST(VisitRecord, EachActionHasWhatWhoAndADateOnOrAfterTheVisit) {
  VisitInput v{"2026-11-20", "Priya Shah", "no", "Pupil not in the room", "Door left unlocked", {}};
  v.actions = {{"Send the register daily", "Sam Taylor", "2026-11-27"}, {"", "", ""}, {"", "Jo", "2026-11-19"}};
  EXPECT_EQ(visit_fields(visit_problems(v, d("2026-11-09"), d("2026-12-01"))),
            (std::vector<std::string>{"action_3", "due_on_3"}));
  v.actions = {{"Call the provider", std::string(201, 'x'), "2026-11-27"}, {"Ring\x07 them", "Jo", "2026-11-27"}};
  EXPECT_EQ(visit_fields(visit_problems(v, d("2026-11-09"), d("2026-12-01"))),
            (std::vector<std::string>{"owner_1", "action_2"}));
  v.actions = {{"Lock the side door", "", "not a date"}};
  EXPECT_EQ(visit_fields(visit_problems(v, d("2026-11-09"), d("2026-12-01"))),
            (std::vector<std::string>{"owner_1", "due_on_1"}));
}

}  // namespace
