// The provider's regular report: its periods on each interval across weekends and holidays, when it
// is due and late, and the draft made from the period's records.
#include <gtest/gtest.h>

#include "domain/reports/provider_report.hpp"
#include "sample_calendar.hpp"

namespace {

using namespace waypoint::domain;

std::string period_text(std::string_view every, const char* start, std::optional<const char*> last = std::nullopt) {
  const auto p = next_report_period(calendar(), every, d(start), last ? std::optional(d(*last)) : std::nullopt);
  return p ? format_date(p->from) + ".." + format_date(p->to) + " due " + format_date(p->due) : "none";
}

TEST(ProviderReport, WeeklyFromTheFirstDayToFridayDueTwoSchoolDaysLater) {
  EXPECT_EQ(period_text("week", "2026-11-11"), "2026-11-11..2026-11-13 due 2026-11-17");
  EXPECT_EQ(period_text("week", "2026-11-11", "2026-11-13"), "2026-11-16..2026-11-20 due 2026-11-24");
  EXPECT_EQ(period_text("two_weeks", "2026-11-11"), "2026-11-11..2026-11-20 due 2026-11-24");
}

TEST(ProviderReport, HolidayWeeksArePassedOver) {
  // The last week of the autumn term, then the Christmas holiday: the next report covers 4 to 8 January.
  EXPECT_EQ(period_text("week", "2026-11-11", "2026-12-18"), "2027-01-04..2027-01-08 due 2027-01-12");
  // Each half term: the rest of the half term the placement starts in, then the next.
  EXPECT_EQ(period_text("half_term", "2026-11-11"), "2026-11-11..2026-12-18 due 2027-01-06");
  EXPECT_EQ(period_text("half_term", "2026-11-11", "2026-12-18"), "2027-01-05..2027-02-12 due 2027-02-23");
  EXPECT_EQ(period_text("half_term", "2026-11-11", "2028-03-31"), "none");  // the calendar runs out
}

TEST(ProviderReport, ReadyOnItsLastDayLateAfterItsDueDayThenTheSchoolIsTold) {
  const auto p = *next_report_period(calendar(), "week", d("2026-11-11"), std::nullopt);
  EXPECT_EQ(report_lateness(calendar(), p, d("2026-11-12")), ReportLateness::NotYet);
  EXPECT_EQ(report_lateness(calendar(), p, d("2026-11-13")), ReportLateness::Ready);
  EXPECT_EQ(report_lateness(calendar(), p, d("2026-11-17")), ReportLateness::Ready);
  EXPECT_EQ(report_lateness(calendar(), p, d("2026-11-18")), ReportLateness::LateWithProvider);
  EXPECT_EQ(report_lateness(calendar(), p, d("2026-11-20")), ReportLateness::LateWithProvider);
  EXPECT_EQ(report_lateness(calendar(), p, d("2026-11-23")), ReportLateness::LateWithSchool);
}

TEST(ProviderReport, TheDraftSaysWhatWasRecordedAndWhatWasNot) {
  ReportFacts f;
  f.attendance = summarise_attendance({"B", "B", "L", "O"});
  f.late_sessions = 1;
  f.engagement = {4, 3, 4};
  f.behaviour = {"Settled", ""};
  f.incidents = {"12 November 2026, minor: swore at a peer"};
  f.objectives = {{"Attend every session", "90 %", "75", "2026-11-13"}, {"GCSE maths", "grade 4", "", ""}};
  const auto draft = draft_report(f);
  ASSERT_EQ(draft.size(), 5u);
  EXPECT_EQ(draft[0].lines[0], "Attended 3 of 4 sessions (75.0%).");
  EXPECT_EQ(draft[0].lines.back(), "Late to 1 session.");
  EXPECT_EQ(draft[1].lines[0], "Average engagement 3.7 out of 5, over 3 logs.");
  EXPECT_EQ(draft[2].lines,
            (std::vector<std::string>{"Settled", "Incident: 12 November 2026, minor: swore at a peer"}));
  EXPECT_EQ(draft[3].lines[0], "Attend every session (target 90 %): 75 on 13 November 2026");
  EXPECT_EQ(draft[3].lines[1], "GCSE maths (target grade 4): nothing logged this period");
  EXPECT_EQ(draft[4].lines[0], "Nothing recorded this period.");
  const auto empty = draft_report({});
  EXPECT_EQ(empty[0].lines[0], "No sessions were recorded.");
  EXPECT_EQ(empty[1].lines[0], "No engagement was logged.");
  EXPECT_EQ(empty[2].lines[0], "No incidents.");
  EXPECT_TRUE(report_problems(" ").size() == 1 && report_problems("Good week").empty());
}

}  // namespace
