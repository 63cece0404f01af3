#include <gtest/gtest.h>

#include <map>

#include "domain/area/area_picture.hpp"
#include "sample_calendar.hpp"

using namespace waypoint::domain;

namespace {

AreaPlacement placement(std::int64_t id, const char* status, const char* start, const char* planned_end,
                        const char* ended = nullptr) {
  AreaPlacement p;
  p.placement_id = id;
  p.pupil_id = 100 + id;
  p.status = status;
  p.reason = "semh";
  p.provider_kind = "unregistered";
  p.start = d(start);
  p.planned_end = d(planned_end);
  if (ended) p.ended = d(ended);
  return p;
}

std::map<std::string, AreaFigure> by_key(const std::vector<AreaGroup>& groups) {
  std::map<std::string, AreaFigure> out;
  for (const auto& g : groups)
    for (const auto& f : g.figures) out[f.key] = f;
  return out;
}

using Ids = std::vector<std::int64_t>;

}  // namespace

TEST(AreaPicture, APlacementRanInThePeriodFromItsStartToItsEndInclusive) {
  const auto p = placement(1, "ended", "2026-11-02", "2026-12-18", "2026-11-20");
  EXPECT_TRUE(ran_between(p, d("2026-11-20"), d("2026-11-30")));   // its last day
  EXPECT_FALSE(ran_between(p, d("2026-11-21"), d("2026-11-30")));  // the day after
  EXPECT_TRUE(ran_between(p, d("2026-10-01"), d("2026-11-02")));   // its first day
  EXPECT_FALSE(ran_between(p, d("2026-10-01"), d("2026-11-01")));  // the day before
  EXPECT_FALSE(ran_between(placement(2, "awaiting", "2026-11-02", "2026-12-18"), d("2026-11-01"), d("2026-11-30")))
      << "a placement not yet started has not run";
}

TEST(AreaPicture, TwelveWeeksAtAProviderThatIsNotASchoolEndOnThe84thDay) {
  // Started Monday 7 September 2026: the 84th day counting the first is Sunday 29 November.
  AreaFacts facts;
  facts.placements = {placement(1, "active", "2026-09-07", "2027-07-21")};
  auto at = [&](const char* today) { return by_key(area_picture(facts, d("2026-11-02"), d(today), d(today))); };
  EXPECT_EQ(at("2026-11-29")["past_12_weeks"].count, 0);
  EXPECT_EQ(at("2026-11-30")["past_12_weeks"].placement_ids, Ids{1});
  facts.placements[0].provider_kind = "state_ap";  // a pupil referral unit is a school: no such limit
  EXPECT_EQ(at("2026-11-30")["past_12_weeks"].count, 0);
}

TEST(AreaPicture, OnceTheLimitsAreInForceOnlyMoreThanFourSessionsAWeekBreakThem) {
  AreaFacts facts;
  facts.placements = {placement(1, "active", "2026-09-07", "2027-07-21"),
                      placement(2, "active", "2026-09-07", "2027-07-21")};
  facts.placements[0].sessions_a_week = 4;  // two days a week alongside school
  facts.placements[1].sessions_a_week = 5;
  PlacementLimitSettings settings;
  settings.time_limits_from = d("2026-11-30");
  auto at = [&](const char* today) {
    return by_key(area_picture(facts, d("2026-11-02"), d(today), d(today), placement_rule_on(d(today), settings)));
  };
  EXPECT_EQ(at("2026-11-30")["past_12_weeks"].placement_ids, Ids{2});
  EXPECT_EQ(at("2026-11-30")["past_12_weeks"].label,
            "Past the 12-week limit in force since 30 November 2026: more than 4 sessions a week at a provider that "
            "is not a school");
  settings.time_limits_from = d("2026-12-01");  // the day before it commences, both are flagged as DfE's plan
  EXPECT_EQ(at("2026-11-30")["past_12_weeks"].placement_ids, (Ids{1, 2}));
  EXPECT_EQ(at("2026-11-30")["past_12_weeks"].label,
            "Running longer than 12 weeks at a provider that is not a school (the limit DfE plans)");
}

TEST(AreaPicture, PastItsPlannedEndFromTheDayAfterItsPlannedLastDay) {
  AreaFacts facts;
  facts.placements = {placement(1, "active", "2026-11-02", "2026-11-27"),
                      placement(2, "ended", "2026-11-02", "2026-11-20", "2026-11-25")};
  auto at = [&](const char* today) { return by_key(area_picture(facts, d("2026-11-02"), d(today), d(today))); };
  EXPECT_EQ(at("2026-11-27")["past_planned_end"].count, 0);
  EXPECT_EQ(at("2026-11-28")["past_planned_end"].placement_ids, Ids{1}) << "an ended placement is not overdue";
}

TEST(AreaPicture, EachCodeListIsCountedInFullAndFiguresLeadToTheirPlacements) {
  AreaFacts facts;
  facts.placements = {placement(1, "active", "2026-11-02", "2027-03-26"),
                      placement(2, "ended", "2026-09-07", "2026-10-23", "2026-11-06"),
                      placement(3, "draft", "2027-01-05", "2027-03-26"),
                      placement(4, "awaiting", "2026-12-07", "2027-03-26"),
                      placement(5, "ended", "2026-09-07", "2026-10-23", "2026-10-30")};
  facts.placements[1].tier = 3;
  facts.placements[1].reason = "permanent_exclusion";
  facts.placements[1].provider_kind = "state_ap";
  facts.placements[0].provider_lapsed = true;
  facts.placements[0].services = {"camhs_practitioner", "social_worker"};
  facts.placements[2].services = {"camhs_practitioner"};  // a draft: it has not run
  facts.part_time = {{101, 1, d("2026-11-27")}, {102, 1, d("2026-12-18")}};
  facts.missing_education = {{104, 1}, {104, 1}};
  const auto groups = area_picture(facts, d("2026-11-02"), d("2026-11-30"), d("2026-11-30"));
  std::vector<std::string> order;
  for (const auto& g : groups) order.push_back(g.key);
  EXPECT_EQ(order,
            (std::vector<std::string>{"attention", "status", "tier", "reason", "kind", "registration", "services"}));
  auto f = by_key(groups);
  EXPECT_EQ(f["status_draft"].placement_ids, Ids{3});
  EXPECT_EQ(f["status_awaiting"].placement_ids, Ids{4});
  EXPECT_EQ(f["status_active"].placement_ids, Ids{1});
  EXPECT_EQ(f["status_ended"].placement_ids, Ids{2}) << "5 ended before the period";
  EXPECT_EQ(f["tier_2"].placement_ids, Ids{1});
  EXPECT_EQ(f["tier_3"].placement_ids, Ids{2});
  EXPECT_EQ(f["tier_1"].count, 0);
  EXPECT_EQ(f["reason_permanent_exclusion"].placement_ids, Ids{2});
  EXPECT_EQ(f["reason_semh"].placement_ids, Ids{1});
  EXPECT_EQ(f["reason_respite"].count, 0) << "a reason nobody has is still a line";
  EXPECT_EQ(f["kind_unregistered"].placement_ids, Ids{1});
  EXPECT_EQ(f["kind_state_ap"].placement_ids, Ids{2});
  EXPECT_EQ(f["registration_unregistered"].placement_ids, Ids{1});
  EXPECT_EQ(f["registration_registered"].placement_ids, Ids{2});
  EXPECT_EQ(f["provider_lapsed"].placement_ids, Ids{1});
  EXPECT_EQ(f["service_camhs_practitioner"].placement_ids, Ids{1});
  EXPECT_EQ(f["service_social_worker"].placement_ids, Ids{1}) << "under each service involved";
  EXPECT_EQ(f["service_virtual_school"].count, 0);
  EXPECT_EQ(f["part_time"].pupil_ids, (Ids{101, 102}));
  EXPECT_TRUE(f["part_time"].counts_pupils);
  EXPECT_EQ(f["part_time_overdue"].pupil_ids, Ids{101}) << "its end date was 27 November";
  EXPECT_EQ(f["missing_education"].pupil_ids, Ids{104}) << "two alerts, one child";
  EXPECT_EQ(f["missing_education"].count, 1);
}

TEST(AreaPicture, TheHalfTermIsTheOneADayFallsInOrTheLastBeforeIt) {
  const auto c = calendar();
  EXPECT_EQ(term_of(c, d("2026-11-30"))->first_day, d("2026-11-02"));
  EXPECT_EQ(term_of(c, d("2026-11-02"))->first_day, d("2026-11-02"));  // its first day
  EXPECT_EQ(term_of(c, d("2026-11-01"))->first_day, d("2026-09-03"));  // in the holiday: the one before
  EXPECT_EQ(term_of(c, d("2027-08-15"))->last_day, d("2027-07-21"));   // the summer holiday
  EXPECT_FALSE(term_of(c, d("2026-09-02")).has_value());               // before the first
}

TEST(AreaPicture, APupilIsPersistentlyAbsentInAGroupByAllTheirSessionsThere) {
  auto sessions = [](int attended, int possible) {
    AttendanceSummary s;
    s.attended = attended;
    s.possible = possible;
    return s;
  };
  // Pupil 1 at two providers of one school: 9 of 10 at the first (persistently absent there), 10 of
  // 10 at the second; over the school's 20 sessions 19, so not persistently absent at the school.
  // The two come apart, as placements in id order do.
  const auto by_school = attendance_by_group({{2, "Oakfield", 1, sessions(9, 10)},
                                              {2, "Oakfield", 3, sessions(0, 0)},
                                              {1, "Ashby", 4, sessions(1, 2)},
                                              {2, "Oakfield", 1, sessions(10, 10)}});
  ASSERT_EQ(by_school.size(), 2u);
  EXPECT_EQ(by_school[0].name, "Ashby");  // by name
  EXPECT_EQ(by_school[1].sessions.possible, 20);
  EXPECT_EQ(by_school[1].sessions.attended, 19);
  EXPECT_EQ(by_school[1].pupils, 1) << "pupil 3 had no possible session";
  EXPECT_EQ(by_school[1].persistently_absent, 0);
  const auto by_provider =
      attendance_by_group({{5, "Bridgeway", 1, sessions(9, 10)}, {6, "Northgate", 1, sessions(10, 10)}});
  EXPECT_EQ(by_provider[0].persistently_absent, 1) << "1 of 10 missed: exactly 10 %";
  EXPECT_EQ(by_provider[1].persistently_absent, 0);
}

TEST(AreaPicture, APeriodIsWholeWeeksAndTheDaysEitherSide) {
  using Span = std::pair<Date, Date>;
  // The half term from Monday 2 November 2026 to today, Wednesday 25 November: four whole weeks, the
  // last to come from no register after today.
  auto p = split_into_weeks(d("2026-11-02"), d("2026-11-25"), d("2026-11-25"));
  EXPECT_EQ(p.weeks, std::optional(Span{d("2026-11-02"), d("2026-11-23")}));
  EXPECT_TRUE(p.days.empty());
  // In the past, from a Thursday to a Wednesday: the days before the first Monday and after the last
  // Sunday are read day by day.
  p = split_into_weeks(d("2026-09-03"), d("2026-10-21"), d("2026-11-30"));
  EXPECT_EQ(p.weeks, std::optional(Span{d("2026-09-07"), d("2026-10-12")}));
  EXPECT_EQ(p.days, (std::vector<Span>{{d("2026-09-03"), d("2026-09-06")}, {d("2026-10-19"), d("2026-10-21")}}));
  // Ending on a Sunday in the past: no days after.
  p = split_into_weeks(d("2026-09-07"), d("2026-10-18"), d("2026-11-30"));
  EXPECT_EQ(p.weeks, std::optional(Span{d("2026-09-07"), d("2026-10-12")}));
  EXPECT_TRUE(p.days.empty());
  // Within one week, in the past: days only.
  p = split_into_weeks(d("2026-11-03"), d("2026-11-05"), d("2026-11-30"));
  EXPECT_FALSE(p.weeks.has_value());
  EXPECT_EQ(p.days, (std::vector<Span>{{d("2026-11-03"), d("2026-11-05")}}));
  // Across a leap day, a Thursday to a Tuesday with today inside the period.
  p = split_into_weeks(d("2028-02-24"), d("2028-03-07"), d("2028-03-01"));
  EXPECT_EQ(p.weeks, std::optional(Span{d("2028-02-28"), d("2028-03-06")}));
  EXPECT_EQ(p.days, (std::vector<Span>{{d("2028-02-24"), d("2028-02-27")}}));
}
