#include <gtest/gtest.h>

#include "domain/reviews/review.hpp"
#include "sample_calendar.hpp"

using namespace waypoint::domain;

TEST(Review, TheFirstReviewThenEveryIntervalFromTheLastHeld) {
  const ReviewSchedule s{d("2026-10-15"), 6};
  EXPECT_EQ(format_date(next_review_due(s, std::nullopt)), "2026-10-15");
  EXPECT_EQ(format_date(next_review_due(s, d("2026-10-20"))), "2026-12-01");  // held late: six weeks from then
  EXPECT_EQ(format_date(next_review_due({d("2028-01-18"), 6}, d("2028-01-18"))), "2028-02-29");  // a leap day
}

TEST(Review, WithNoFirstReviewSetTheFirstIsOneIntervalAfterTheStart) {
  EXPECT_EQ(format_date(review_schedule(d("2028-01-18"), std::nullopt, 6).first_review), "2028-02-29");
  EXPECT_EQ(format_date(review_schedule(d("2028-01-18"), d("2028-02-01"), 6).first_review), "2028-02-01");
  EXPECT_EQ(review_schedule(d("2028-01-18"), std::nullopt, 4).interval_weeks, 4);
}

TEST(Review, TheDateSetAtTheLastReviewStandsUntilARequestBringsItForward) {
  const ReviewSchedule s{d("2026-10-15"), 6};
  // The last review set its own next date, later than the interval would.
  const HeldReview last{d("2026-10-15"), d("2027-01-12")};
  EXPECT_EQ(format_date(review_due(s, last, {}).on), "2027-01-12");
  EXPECT_EQ(format_date(review_due(s, HeldReview{d("2026-10-15"), std::nullopt}, {}).on), "2026-11-26");
  EXPECT_EQ(format_date(review_due(s, std::nullopt, {}).on), "2026-10-15");
  // A request owed on 4 January (made after the review) brings it forward, and says so.
  const auto due = review_due(s, last, {{d("2027-01-02"), d("2027-01-04")}});
  EXPECT_EQ(format_date(due.on), "2027-01-04");
  EXPECT_TRUE(due.requested);
  // A request that owed nothing, or one the last review answered (made on or before its day), leaves it.
  EXPECT_FALSE(review_due(s, last, {{d("2026-12-01"), std::nullopt}}).requested);
  EXPECT_EQ(format_date(review_due(s, last, {{d("2026-10-15"), d("2026-10-15")}}).on), "2027-01-12");
  // Owed later than the schedule: the schedule comes first.
  EXPECT_FALSE(review_due(s, std::nullopt, {{d("2026-10-20"), d("2026-10-20")}}).requested);
}

TEST(Review, ARequestIsOwedAtOnceWhenNoneWasHeldInThePreviousTenWeeks) {
  const auto c = calendar();
  // Requested Wednesday 25 November 2026. 10 weeks before is Wednesday 16 September.
  EXPECT_FALSE(review_owed_on_request(c, d("2026-11-25"), d("2026-09-16")).has_value());  // 70 days: within
  EXPECT_EQ(format_date(*review_owed_on_request(c, d("2026-11-25"), d("2026-09-15"))), "2026-11-25");  // 71 days
  EXPECT_EQ(format_date(*review_owed_on_request(c, d("2026-11-25"), std::nullopt)), "2026-11-25");     // never held
  // Asked on a Saturday: due on Monday. Asked in the October half term: due on the first day back,
  // after the INSET day on Monday 2 November.
  EXPECT_EQ(format_date(*review_owed_on_request(c, d("2026-11-28"), std::nullopt)), "2026-11-30");
  EXPECT_EQ(format_date(*review_owed_on_request(c, d("2026-10-28"), d("2026-07-01"))), "2026-11-03");
  // The 10 weeks run across the Christmas holiday as calendar weeks: a review on 10 December still
  // counts for a request on 16 February 2027 (68 days), not for one on 19 February (71 days).
  EXPECT_FALSE(review_owed_on_request(c, d("2027-02-16"), d("2026-12-10")).has_value());
  EXPECT_EQ(format_date(*review_owed_on_request(c, d("2027-02-19"), d("2026-12-10"))), "2027-02-22");  // half term
}

TEST(Review, DueSoonDueAndOverdueToTheDay) {
  EXPECT_EQ(review_state(d("2026-12-01"), d("2026-11-16")), ReviewState::NotYet);
  EXPECT_EQ(review_state(d("2026-12-01"), d("2026-11-17")), ReviewState::DueSoon);  // 14 days before
  EXPECT_EQ(review_state(d("2026-12-01"), d("2026-12-01")), ReviewState::Due);
  EXPECT_EQ(review_state(d("2026-12-01"), d("2026-12-02")), ReviewState::Overdue);
}

TEST(Review, FollowUpsAtTwoSixAndTwelveWeeksAfterFullReturn) {
  const auto f = follow_up_dates(d("2027-12-20"));
  EXPECT_EQ(format_date(f[0]), "2028-01-03");
  EXPECT_EQ(format_date(f[1]), "2028-01-31");
  EXPECT_EQ(format_date(f[2]), "2028-03-13");
}
