#include <gtest/gtest.h>

#include "field_names.hpp"
#include "sample_calendar.hpp"

#include "domain/kernel/calendar_date.hpp"
#include "domain/placements/placement.hpp"
#include "domain/pupils/pupil.hpp"

using namespace waypoint::domain;

namespace {

// Autumn term with a half term (26-30 Oct) and an INSET day on Monday 2 November.
SchoolCalendar autumn_term() {
  SchoolCalendar c;
  c.terms = {{d("2026-09-03"), d("2026-10-23")}, {d("2026-11-02"), d("2026-12-18")}};
  c.closed.insert(std::chrono::sys_days(d("2026-11-02")));
  return c;
}

ActivationFacts ready_off_site_direction() {
  ActivationFacts f;
  f.legal_basis = "off_site_direction";
  f.start_date = d("2026-11-25");
  f.provider_standing = Standing::Approved;
  f.school_accepted_provider = true;
  f.notice_sent_on = d("2026-11-23");  // Monday notice: 2 school days before a Wednesday start
  return f;
}

}  // namespace

TEST(YearGroup, FollowsTheThirtyFirstOfAugust) {
  struct Case {
    const char* born;
    const char* today;
    int year;
  };
  const Case cases[] = {
      {"2012-09-01", "2026-11-24", 9},   // oldest in the year
      {"2013-08-31", "2026-11-24", 9},   // youngest in the same year
      {"2012-08-31", "2026-11-24", 10},  // one day older: the year above
      {"2013-09-01", "2026-08-31", 7},   // last day of the academic year
      {"2013-09-01", "2026-09-01", 8},   // first day of the next
      {"2012-02-29", "2026-11-24", 10},  // a leap-day birthday
      {"2022-03-01", "2026-11-24", 0},   // Reception
  };
  for (const auto& c : cases) EXPECT_EQ(year_group(d(c.born), d(c.today)), c.year) << c.born << " on " << c.today;
  EXPECT_EQ(year_group_label(0), "Reception");
  EXPECT_EQ(year_group_label(11), "Year 11");
}

TEST(PupilProblems, NameTheFieldsThatAreWrong) {
  Pupil p;
  p.upn = "A12345678901";  // one character short
  p.family_name = "Walker";
  p.date_of_birth = "2012-02-30";
  p.gender = "Q";
  p.needs = {"semh", "tired"};
  std::vector<std::string> got;
  for (const auto& e : pupil_problems(p, d("2026-11-24"))) got.push_back(e.field);
  EXPECT_EQ(got, (std::vector<std::string>{"upn", "given_name", "date_of_birth", "gender", "needs"}));
}

TEST(PupilProblems, ADateOfBirthMustBeForAChild) {
  Pupil p;
  p.given_name = "Ben";
  p.family_name = "Hughes";
  p.date_of_birth = "1970-01-01";
  bool dob = false;
  for (const auto& e : pupil_problems(p, d("2026-11-24"))) dob = dob || e.field == "date_of_birth";
  EXPECT_TRUE(dob);
}

TEST(PupilContact, AProfessionalsServiceIsInvolvedSinceADayNotInTheFuture) {
  PupilContact c;
  c.role = "camhs_practitioner";
  c.name = "Dr Lee";
  c.phone = "01234 567890";
  c.preferred_contact = "phone";
  const auto today = d("2026-11-30");
  EXPECT_TRUE(contact_problems(c, today).empty()) << "since when may not be known";
  c.involved_since = "2026-11-30";
  EXPECT_TRUE(contact_problems(c, today).empty()) << "today";
  for (const char* bad : {"2026-12-01", "2026-02-29", "last year"}) {
    c.involved_since = bad;
    EXPECT_EQ(fields(contact_problems(c, today)), std::vector<std::string>{"involved_since"}) << bad;
  }
  c.involved_since = "2024-02-29";  // a leap day
  EXPECT_TRUE(contact_problems(c, today).empty());
  c.role = "parent";
  EXPECT_EQ(fields(contact_problems(c, today)), std::vector<std::string>{"involved_since"});
  EXPECT_EQ(label_of(services_involved(), "camhs_practitioner"), "Child and adolescent mental health services (CAMHS)");
  for (const auto& s : services_involved()) EXPECT_TRUE(in_list(contact_roles(), s.code)) << s.code;
}

TEST(PupilContact, NeedsAWayToReachThemAndTheirPreferredOne) {
  PupilContact c;
  c.role = "parent";
  c.name = "Chris Walker";
  c.preferred_contact = "email";
  c.phone = "01234 567890";
  ASSERT_EQ(contact_problems(c, d("2026-11-30")).size(), 1u);
  EXPECT_EQ(contact_problems(c, d("2026-11-30"))[0].field, "preferred_contact");
  c.preferred_contact = "phone";
  EXPECT_TRUE(contact_problems(c, d("2026-11-30")).empty());
  c.phone.clear();
  EXPECT_EQ(contact_problems(c, d("2026-11-30")).front().field, "phone");
}

namespace {

PlacementTerms terms(const char* legal_basis, const char* planned_end, const char* cost) {
  return {.legal_basis = legal_basis,
          .reason = "semh",
          .reason_detail = "",
          .objectives = "Settle into learning",
          .start_date = "2026-12-01",
          .planned_end_date = planned_end,
          .cost = cost,
          .cost_unit = *cost ? "day" : "",
          .paid_by = "school",
          .report_to = "",
          .breaks = "",
          .site_ids = {},
          .review_interval_weeks = "",
          .first_review_on = "",
          .tier = ""};
}

}  // namespace

TEST(PlacementTerms, RefuseAnEndBeforeTheStartAndMissingSites) {
  auto t = terms("off_site_direction", "2026-11-30", "95.50");
  std::vector<std::string> got;
  for (const auto& e : placement_problems(t, {11, 12}, true)) got.push_back(e.field);
  EXPECT_EQ(got, (std::vector<std::string>{"planned_end_date", "report_to", "site_ids"}));
  t.planned_end_date = "2026-12-01";  // a one-day placement is allowed
  t.report_to = "Ms Ward";
  t.site_ids = {12};
  EXPECT_TRUE(placement_problems(t, {11, 12}, true).empty());
  t.site_ids = {13};  // another provider's site
  EXPECT_EQ(placement_problems(t, {11, 12}, true).front().field, "site_ids");
  t.site_ids = {};
  EXPECT_TRUE(placement_problems(t, {}, false).empty());  // online: no site to name
}

TEST(Placement, TheTierIsOneTwoOrThreeAndLeftBlankFollowsTheReason) {
  auto t = terms("academy_powers", "2027-03-26", "");
  EXPECT_EQ(tier_of(t), 2);  // blank, for social, emotional and mental health needs
  t.reason = "permanent_exclusion";
  EXPECT_EQ(tier_of(t), 3);  // blank, after a permanent exclusion: the pupil cannot go back
  for (const char* chosen : {"1", "2", "3"}) {
    t.tier = chosen;
    EXPECT_TRUE(placement_problems(t, {}, false).empty()) << chosen;
    EXPECT_EQ(tier_of(t), chosen[0] - '0');  // a choice outranks the reason
  }
  for (const char* bad : {"0", "4", "Tier 2", "2.0", " 2"}) {
    t.tier = bad;
    EXPECT_EQ(fields(placement_problems(t, {}, false)), std::vector<std::string>{"tier"}) << bad;
  }
}

TEST(Placement, TheReviewScheduleIsAnIntervalOfWeeksAndAFirstReviewWithinThePlacement) {
  auto t = terms("academy_powers", "2027-03-26", "");
  EXPECT_TRUE(placement_problems(t, {}, false).empty());  // blank: 6 weeks, one interval after the start
  EXPECT_EQ(review_interval_of(t), 6);
  for (const char* bad : {"0", "27", "six", "4.5"}) {
    t.review_interval_weeks = bad;
    EXPECT_EQ(fields(placement_problems(t, {}, false)), std::vector<std::string>{"review_interval_weeks"}) << bad;
    EXPECT_EQ(review_interval_of(t), 6);
  }
  t.review_interval_weeks = "26";
  EXPECT_EQ(review_interval_of(t), 26);
  for (const char* bad : {"2026-11-30", "2027-03-27", "2027-02-30"}) {
    t.first_review_on = bad;
    EXPECT_EQ(fields(placement_problems(t, {}, false)), std::vector<std::string>{"first_review_on"}) << bad;
  }
  for (const char* good : {"2026-12-01", "2027-03-26"}) {
    t.first_review_on = good;
    EXPECT_TRUE(placement_problems(t, {}, false).empty()) << good;
  }
}

TEST(Activation, AnOffSiteDirectionStartsTwoSchoolDaysAfterItsNotice) {
  auto f = ready_off_site_direction();
  EXPECT_TRUE(activation_blockers(f, autumn_term()).empty());
  f.start_date = d("2026-11-24");  // only one school day after the notice
  EXPECT_EQ(fields(activation_blockers(f, autumn_term())), std::vector<std::string>{"notice_sent_on"});
  f.notice_sent_on.reset();
  EXPECT_EQ(fields(activation_blockers(f, autumn_term())), std::vector<std::string>{"notice_sent_on"});
}

TEST(Activation, NoticeDaysSkipHalfTermAndTheInsetDay) {
  // Sent on Thursday 22 October: Friday 23 is one school day, then half term and the INSET day,
  // so Tuesday 3 November is the second and the earliest start.
  EXPECT_TRUE(notice_problem(autumn_term(), d("2026-10-22"), d("2026-10-23")).has_value());
  EXPECT_TRUE(notice_problem(autumn_term(), d("2026-10-22"), d("2026-11-02")).has_value());
  EXPECT_FALSE(notice_problem(autumn_term(), d("2026-10-22"), d("2026-11-03")).has_value());
  EXPECT_NE(notice_problem(autumn_term(), d("2026-10-22"), d("2026-11-02"))->find("3 November 2026"),
            std::string::npos);
}

TEST(Activation, AnEhcPlanNeedsTheLocalAuthorityTold) {
  auto f = ready_off_site_direction();
  f.pupil_has_ehc_plan = true;
  EXPECT_EQ(fields(activation_blockers(f, autumn_term())), std::vector<std::string>{"la_informed_on"});
  f.la_informed_on = d("2026-11-23");
  EXPECT_TRUE(activation_blockers(f, autumn_term()).empty());
}

TEST(Activation, StandingAndAcceptanceMayBeOverriddenWithAReasonButTheLawMayNot) {
  auto f = ready_off_site_direction();
  f.provider_standing = Standing::Lapsed;
  f.school_accepted_provider = false;
  f.notice_sent_on.reset();
  auto blockers = activation_blockers(f, autumn_term());
  ASSERT_EQ(blockers.size(), 3u);
  EXPECT_TRUE(blockers[0].overridable);
  EXPECT_TRUE(blockers[1].overridable);
  EXPECT_FALSE(blockers[2].overridable);
  f.override_reason = "Only provider offering a place this term; visit booked";
  EXPECT_EQ(fields(activation_blockers(f, autumn_term())), std::vector<std::string>{"notice_sent_on"});
}

TEST(Activation, ApprovedWithActionsIsEnoughAndAnLaArrangementNeedsNoSchoolAcceptance) {
  auto f = ready_off_site_direction();
  f.provider_standing = Standing::ApprovedWithActions;
  EXPECT_TRUE(activation_blockers(f, autumn_term()).empty());
  f.legal_basis = "la_s19";
  f.commissioned_by_school = false;
  f.school_accepted_provider = false;
  f.notice_sent_on.reset();
  EXPECT_EQ(fields(activation_blockers(f, autumn_term())), std::vector<std::string>{"parent_consent_on"});
  f.parent_consent_on = d("2026-11-20");
  f.needs_authority_consent = true;
  EXPECT_EQ(fields(activation_blockers(f, autumn_term())), std::vector<std::string>{"authority_consent_on"});
  f.authority_consent_on = d("2026-11-21");
  EXPECT_TRUE(activation_blockers(f, autumn_term()).empty());
}

TEST(Activation, APlacementCannotStartBeforeItsFirstDayWhateverTheReason) {
  auto f = ready_off_site_direction();  // first day Wednesday 25 November 2026
  f.today = d("2026-11-24");
  auto blockers = activation_blockers(f, autumn_term());
  ASSERT_EQ(blockers.size(), 1u);
  EXPECT_EQ(blockers[0].field, "start_date");
  EXPECT_EQ(blockers[0].message, "The placement's first day is 25 November 2026: it can start on that day, not before");
  EXPECT_FALSE(blockers[0].overridable);
  f.override_reason = "The pupil is ready early";
  EXPECT_EQ(activation_blockers(f, autumn_term()).size(), 1u) << "no reason lets it start early";
  f.override_reason.clear();
  f.today = d("2026-11-25");
  EXPECT_TRUE(activation_blockers(f, autumn_term()).empty()) << "on its first day";
  f.today = d("2026-12-01");
  EXPECT_TRUE(activation_blockers(f, autumn_term()).empty()) << "late: it starts the day it is recorded";
  f.today.reset();
  EXPECT_TRUE(activation_blockers(f, autumn_term()).empty());
}

TEST(OwnUnit, SupportInTheSchoolsOwnUnitIsTierOneWhateverIsChosen) {
  auto t = terms("own_unit", "2027-03-26", "");
  EXPECT_TRUE(placement_problems(t, {}, false).empty());
  EXPECT_EQ(tier_of(t), 1);
  t.reason = "permanent_exclusion";
  t.tier = "3";
  EXPECT_EQ(tier_of(t), 1);
  EXPECT_TRUE(in_own_school("own_unit"));
  EXPECT_FALSE(in_own_school("off_site_direction"));
  EXPECT_FALSE(is_off_site_direction("own_unit"));
  EXPECT_FALSE(commissioned_by_local_authority("own_unit"));
}

TEST(OwnUnit, AUnitTakesItsOwnSchoolsPupilsUnderItsOwnBasisOnly) {
  EXPECT_FALSE(own_unit_problem("own_unit", 10, 10).has_value());
  EXPECT_FALSE(own_unit_problem("off_site_direction", std::nullopt, 10).has_value());
  EXPECT_EQ(own_unit_problem("own_unit", 12, 10)->field, "provider_id");  // another school's unit
  EXPECT_EQ(own_unit_problem("off_site_direction", 10, 10)->field, "legal_basis");
  EXPECT_EQ(own_unit_problem("la_s19", 10, 10)->field, "legal_basis");
  EXPECT_EQ(own_unit_problem("own_unit", std::nullopt, 10)->field, "legal_basis");  // an outside provider
}

TEST(OwnUnit, NeedsNoNoticeConsentOrAcceptanceButStillItsFirstDay) {
  auto f = ready_off_site_direction();
  f.legal_basis = "own_unit";
  f.notice_sent_on.reset();
  f.school_accepted_provider = false;
  f.parent_consent_on.reset();
  EXPECT_TRUE(activation_blockers(f, autumn_term()).empty());
  f.today = d("2026-11-24");
  EXPECT_EQ(fields(activation_blockers(f, autumn_term())), std::vector<std::string>{"start_date"});
}
