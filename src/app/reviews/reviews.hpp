#pragma once
// Reviews of a placement: held on a schedule set when it is agreed, brought forward by a written
// request, recorded by the commissioner with what the logs and attendance show, and read by
// everyone around the pupil, parents included. A review's decision acts on the placement.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/kernel/actor.hpp"
#include "app/kernel/services.hpp"
#include "domain/attendance/attendance.hpp"
#include "domain/reviews/review.hpp"
#include "domain/reviews/review_record.hpp"
#include "store/placements/placement_store.hpp"
#include "store/pupils/pupil_voice_store.hpp"
#include "store/reports/report_store.hpp"
#include "store/reviews/review_store.hpp"

namespace waypoint::app {

// Where a running placement's reviews stand.
struct ReviewStatus {
  domain::ReviewSchedule schedule;
  domain::ReviewDue due;
  domain::ReviewState state = domain::ReviewState::NotYet;
};

struct PlacementReviews {
  store::PlacementRecord placement;
  std::vector<store::ReviewRow> reviews;          // newest first
  std::vector<store::ReviewRequestRow> requests;  // newest first
  std::optional<ReviewStatus> status;             // while the placement is agreed or running
  bool pupil_has_ehc_plan = false;
  bool can_record = false;  // the commissioner, while the placement runs
};
PlacementReviews placement_reviews(const Services& s, const Actor& a, std::int64_t placement_id);
// The same status, inside a use case that has the placement: nothing unless it is agreed or running.
std::optional<ReviewStatus> review_status_on(store::Connection& c, const store::PlacementRecord& p, domain::Date today);

struct RequestForm {
  std::string requested_by, requester_name, requested_on;
};
// Answers the day a review is owed because of it, if one is.
std::optional<domain::Date> record_review_request(const Services& s, const Actor& a, std::int64_t placement_id,
                                                  const RequestForm& f);
// A parent asks for a review from their child's placement page: a written request made today.
std::optional<domain::Date> ask_for_review(const Services& s, const Actor& a, std::int64_t placement_id);

// What a new review starts from: each objective of the agreed plan with the value the logs and
// attendance suggest, and attendance, engagement and incidents since the last review.
struct ReviewEvidence {
  domain::Date since;
  domain::AttendanceSummary attendance;
  int engagement_total = 0, engagement_logs = 0;
  int incidents = 0;
  std::optional<std::int64_t> plan_version;
  std::vector<store::ReviewObjectiveRow> objectives;  // suggested_value and suggested_from filled in
};
struct ReviewForm {
  store::PlacementRecord placement;
  ReviewEvidence evidence;
  std::optional<domain::Date> last_held;
  bool pupil_has_ehc_plan = false;
  std::vector<store::PupilVoiceRow> pupil_said;            // the pupil's own answers since the last review
  std::vector<store::ProviderReportRow> provider_reports;  // the provider's reports since the last review
};
ReviewForm review_form(const Services& s, const Actor& a, std::int64_t placement_id);
// Records the review and carries out its decision in one transaction: amending the plan starts a
// new draft version (the agreed one stays readable), extending moves the planned end date.
std::int64_t record_review(const Services& s, const Actor& a, std::int64_t placement_id, const domain::ReviewInput& in);

struct ReviewView {
  store::ReviewRow review;
  store::PlacementRecord placement;
  std::vector<store::PupilVoiceRow> pupil_said;  // their own answers in the period it covered (not for parents)
  std::vector<store::ProviderReportRow> provider_reports;  // the provider's reports in the period it covered
};
// Anyone who may see the placement reads its reviews; a parent, their own child's.
ReviewView view_review(const Services& s, const Actor& a, std::int64_t review_id);

// The school's running placements whose review is due within two weeks, due or overdue, soonest first.
struct DueReview {
  store::PlacementRecord placement;
  ReviewStatus status;
};
std::vector<DueReview> reviews_due(const Services& s, const Actor& a);

}  // namespace waypoint::app
