// Consent to a placement: the terms a parent reads, their version, and what an answer needs.
#include <gtest/gtest.h>

#include "domain/placements/consent.hpp"

namespace {

using namespace waypoint::domain;

DirectionNotice facts() {
  DirectionNotice n;
  n.provider_name = "Fresh Start Tutoring";
  n.provider_addresses = {{"St Thomas Hall", "Cowick Street, Exeter, EX4 1AL"}};
  n.report_to = "Mr Patel";
  n.first_day = "2026-12-21";
  n.planned_last_day = "2027-03-11";
  n.days_per_week = 2;
  n.sessions = {{"Monday", "09:00 to 12:00"}, {"Thursday", "09:00 to 12:00, 13:00 to 15:00"}};
  n.reasons = "Social, emotional and mental health needs";
  n.objectives = "Build confidence";
  return n;
}

TEST(Consent, TermsReadAsAParentReadsThem) {
  const auto lines = consent_terms(facts(), 6);
  const std::vector<std::string> want{
      "Where: Fresh Start Tutoring; St Thomas Hall, Cowick Street, Exeter, EX4 1AL",
      "On arrival, report to: Mr Patel",
      "From Monday 21 December 2026 to Thursday 11 March 2027",
      "Days and times: 2 days a week; Monday 09:00 to 12:00; Thursday 09:00 to 12:00, 13:00 to 15:00",
      "Why: Social, emotional and mental health needs",
      "What it aims to achieve: Build confidence",
      "Reviewed every 6 weeks, with you invited; you may ask for a review at any time"};
  EXPECT_EQ(lines, want);
  auto none = facts();
  none.sessions.clear();
  none.days_per_week = 0;
  EXPECT_EQ(consent_terms(none, 6)[3],
            "Days and times: not timetabled yet; the school will agree them with you before the first day");
}

TEST(Consent, TheVersionChangesWithAnyWordAndOnlyThen) {
  const auto v = consent_terms_version(consent_terms(facts(), 6));
  EXPECT_EQ(v.size(), 16u);
  EXPECT_EQ(v, consent_terms_version(consent_terms(facts(), 6)));
  EXPECT_NE(v, consent_terms_version(consent_terms(facts(), 4)));
  auto later = facts();
  later.planned_last_day = "2027-03-12";
  EXPECT_NE(v, consent_terms_version(consent_terms(later, 6)));
}

TEST(Consent, AnAnswerNeedsAChoiceTheCurrentTermsAndARefusalsReason) {
  EXPECT_TRUE(consent_answer_problems("given", "abc", "abc", "").empty());
  EXPECT_TRUE(consent_answer_problems("refused", "abc", "abc", "Too far").empty());
  auto e = consent_answer_problems("", "abc", "abc", "");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].field, "answer");
  e = consent_answer_problems("maybe", "abc", "abc", "");
  EXPECT_EQ(e[0].message, "Select whether you consent to the placement");
  e = consent_answer_problems("given", "old", "abc", "");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].field, "answer");
  e = consent_answer_problems("refused", "abc", "abc", "");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].field, "comment");
}

TEST(Consent, WaysAndAnswersAreNamed) {
  EXPECT_EQ(label_of(consent_ways(), "paper"), "On a signed form");
  EXPECT_EQ(label_of(consent_ways(), "waypoint"), "In Waypoint");
  EXPECT_EQ(label_of(consent_answers(), "refused"), "Did not consent");
}

}  // namespace
