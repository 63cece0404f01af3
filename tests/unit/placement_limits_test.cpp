#include <gtest/gtest.h>

#include "domain/placements/placement.hpp"
#include "domain/placements/placement_limits.hpp"
#include "sample_calendar.hpp"

using namespace waypoint::domain;

namespace {

PlacementLimitSettings commencing(const char* limits, const char* approval) {
  PlacementLimitSettings s;
  if (limits) s.time_limits_from = d(limits);
  if (approval) s.la_approval_from = d(approval);
  return s;
}

}  // namespace

TEST(PlacementLimits, EachRuleIsInForceFromItsCommencementDayNotTheDayBefore) {
  const auto s = commencing("2027-09-01", "2028-01-04");
  EXPECT_FALSE(placement_rule_on(d("2027-08-31"), s).time_limits);
  EXPECT_TRUE(placement_rule_on(d("2027-09-01"), s).time_limits);
  EXPECT_FALSE(placement_rule_on(d("2028-01-03"), s).la_approval_required);
  EXPECT_TRUE(placement_rule_on(d("2028-01-04"), s).la_approval_required);
  EXPECT_TRUE(placement_rule_on(d("2028-02-29"), s).time_limits);
  // Not commenced: never in force.
  EXPECT_FALSE(placement_rule_on(d("2099-01-01"), {}).time_limits);
  EXPECT_FALSE(placement_rule_on(d("2099-01-01"), {}).la_approval_required);
}

TEST(PlacementLimits, TwelveWeeksOrFourSessionsAWeekAtAProviderThatIsNotASchool) {
  const auto rule = placement_rule_on(d("2027-09-06"), commencing("2027-09-01", nullptr));
  // Monday 6 September: 12 weeks to Sunday 28 November is 84 days, counting both.
  EXPECT_FALSE(time_limit_problem(rule, false, d("2027-09-06"), d("2027-11-28"), 10));
  const auto over = time_limit_problem(rule, false, d("2027-09-06"), d("2027-11-29"), 10);
  ASSERT_TRUE(over);
  EXPECT_NE(over->find("85 days at 10 sessions a week"), std::string::npos) << *over;
  EXPECT_NE(over->find("From 1 September 2027"), std::string::npos) << *over;
  // Longer than 12 weeks is lawful at 4 sessions (2 days) a week alongside school, not at 5.
  EXPECT_FALSE(time_limit_problem(rule, false, d("2027-09-06"), d("2028-07-21"), 4));
  EXPECT_TRUE(time_limit_problem(rule, false, d("2027-09-06"), d("2028-07-21"), 5));
  // Schools (a pupil referral unit, an AP academy) are outside the limits; so is any placement before them.
  EXPECT_FALSE(time_limit_problem(rule, true, d("2027-09-06"), d("2028-07-21"), 10));
  const auto before = placement_rule_on(d("2027-08-31"), commencing("2027-09-01", nullptr));
  EXPECT_FALSE(time_limit_problem(before, false, d("2027-08-31"), d("2028-07-21"), 10));
}

TEST(PlacementLimits, OnceInForceTheLaApprovalRuleTakesAwayTheOverride) {
  ActivationFacts f;
  f.legal_basis = "academy_powers";
  f.start_date = d("2028-01-04");
  f.planned_end_date = d("2028-02-04");
  f.provider_standing = Standing::Lapsed;
  f.school_accepted_provider = true;
  f.parent_consent_on = d("2027-12-10");
  f.override_reason = "The only place this term";
  f.limits = placement_rule_on(f.start_date, commencing(nullptr, "2028-01-05"));
  EXPECT_TRUE(activation_blockers(f, calendar()).empty()) << "the day before: the override still lifts it";
  f.limits = placement_rule_on(f.start_date, commencing(nullptr, "2028-01-04"));
  const auto blockers = activation_blockers(f, calendar());
  ASSERT_EQ(blockers.size(), 1u);
  EXPECT_EQ(blockers[0].field, "override_reason");
  EXPECT_FALSE(blockers[0].overridable);
  EXPECT_EQ(blockers[0].message,
            "The provider is Lapsed: since 4 January 2028 a placement starts only at a provider the local authority "
            "has approved");
  f.provider_standing = Standing::ApprovedWithActions;
  EXPECT_TRUE(activation_blockers(f, calendar()).empty());
}

TEST(PlacementLimits, ThePageSaysWhichVersionApplied) {
  const auto s = commencing("2027-09-01", nullptr);
  const auto before = placement_rules_text(placement_rule_on(d("2027-08-31"), s), d("2027-08-31"));
  ASSERT_EQ(before.size(), 2u);
  EXPECT_EQ(before[0],
            "Time limits for providers that are not schools: not in force on 31 August 2027 (they come into force on "
            "1 September 2027).");
  EXPECT_NE(before[1].find("no date is set"), std::string::npos);
  const auto after = placement_rules_text(placement_rule_on(d("2027-09-01"), s), d("2027-09-01"));
  EXPECT_EQ(after[0],
            "Time limits for providers that are not schools (in force from 1 September 2027): at most 12 weeks, or at "
            "most 4 sessions a week alongside school, on 1 September 2027.");
}
