#include <gtest/gtest.h>

#include "field_names.hpp"
#include "sample_calendar.hpp"

#include "domain/kernel/calendar_date.hpp"
#include "domain/progress/progress.hpp"
#include "web/progress/engagement_chart.hpp"

using namespace waypoint::domain;

TEST(Progress, ALogNeedsARealDayInThePlacementAScoreAndNumbersForObjectives) {
  const auto today = d("2028-02-29"), start = d("2028-01-10");
  EXPECT_TRUE(progress_problems({"2028-02-29", "day", "3", "", "", "", {{7, "72.5"}, {8, ""}}}, today, start).empty());
  EXPECT_TRUE(progress_problems({"2028-01-10", "am", "1", "", "", "", {}}, today, start).empty());  // the first day
  EXPECT_EQ(fields(progress_problems({"2028-01-09", "pm", "5", "", "", "", {}}, today, start)),
            std::vector<std::string>{"date"});
  EXPECT_EQ(fields(progress_problems({"2028-03-01", "day", "0", "", "", "", {{7, "most"}}}, today, start)),
            (std::vector<std::string>{"date", "engagement", "value_7"}));
  EXPECT_EQ(fields(progress_problems({"2028-02-30", "noon", "6", std::string(5001, 'x'), "", "", {}}, today, start)),
            (std::vector<std::string>{"date", "period", "engagement", "behaviour"}));
}

TEST(Progress, MeasuresAreNumbersAsPeopleTypeThem) {
  EXPECT_EQ(parse_measure("72.5"), 72.5);
  EXPECT_EQ(parse_measure(" 3 "), 3.0);
  EXPECT_EQ(parse_measure("-1"), -1.0);
  for (const char* bad : {"", "most", "7e2", "nan", "inf", "0x10", "3 4", "72%"})
    EXPECT_FALSE(parse_measure(bad).has_value()) << bad;
}

TEST(Progress, AnIncidentNeedsItsSeverityAndWhatHappened) {
  const auto today = d("2026-11-24"), start = d("2026-10-15");
  EXPECT_TRUE(incident_problems({"2026-11-24", "high", "Threw a chair", ""}, today, start).empty());
  EXPECT_EQ(fields(incident_problems({"2026-11-25", "critical", " ", ""}, today, start)),
            (std::vector<std::string>{"happened_on", "severity", "description"}));
}

TEST(Progress, EngagementIsAveragedByWeekFromMonday) {
  // Sunday 1 March 2026 belongs to the week of Monday 23 February; Monday 2 March starts a new one.
  const auto weeks = weekly_engagement({{d("2026-02-23"), 2}, {d("2026-03-01"), 5}, {d("2026-03-02"), 4}});
  ASSERT_EQ(weeks.size(), 2u);
  EXPECT_EQ(format_date(weeks[0].monday), "2026-02-23");
  EXPECT_DOUBLE_EQ(weeks[0].mean, 3.5);
  EXPECT_EQ(weeks[0].logs, 2);
  EXPECT_EQ(format_date(weeks[1].monday), "2026-03-02");
  EXPECT_TRUE(weekly_engagement({}).empty());  // an empty history draws nothing
}

TEST(EngagementChart, APointAWeekPlacedByDateAndLevelAndNamedForScreenReaders) {
  EXPECT_EQ(waypoint::web::engagement_chart_svg({}), "");
  const auto svg = waypoint::web::engagement_chart_svg({{d("2026-11-02"), 1.0, 1}, {d("2026-11-16"), 5.0, 2}});
  EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
  EXPECT_NE(svg.find("from 2026-11-02 to 2026-11-16"), std::string::npos);
  // 640 wide with 48 and 16 margins; 240 high with 16 and 40: level 1 at the bottom, 5 at the top.
  EXPECT_NE(svg.find("<circle cx=\"48.0\" cy=\"200.0\""), std::string::npos) << svg;
  EXPECT_NE(svg.find("<circle cx=\"624.0\" cy=\"16.0\""), std::string::npos) << svg;
  EXPECT_NE(svg.find("<polyline points=\"48.0,200.0 624.0,16.0\""), std::string::npos);
}
