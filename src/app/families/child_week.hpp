#pragma once
// The family's page for one child, in one place and in plain words: where the child should be each
// day this week and who to call there, the agreed plan, attendance this half term, reviews, notices
// and what is due next. Never concerns, other children or staff notes. The home school sees the
// same page, to know what the family is shown.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/kernel/actor.hpp"
#include "app/kernel/services.hpp"
#include "app/reviews/reviews.hpp"
#include "domain/attendance/attendance.hpp"
#include "domain/families/child_week.hpp"
#include "domain/providers/provider_profile.hpp"
#include "domain/pupils/pupil.hpp"
#include "store/attendance/attendance_store.hpp"
#include "store/placements/placement_store.hpp"
#include "store/progress/progress_store.hpp"
#include "store/reviews/review_store.hpp"

namespace waypoint::app {

// A placement the child is at, or about to start.
struct ChildPlacement {
  store::PlacementRecord placement;
  std::optional<domain::ProviderProfile> provider;  // its contact
  std::vector<domain::Site> sites;                  // where the child goes
  std::vector<store::ObjectiveRef> objectives;      // of the agreed plan, if there is one
  std::optional<ReviewStatus> review;               // when the next review is due
  std::vector<store::ReviewRow> reviews;            // held, newest first
  bool notice_sent = false;                         // an off-site direction's notice
  bool notice_read = false;                         // this parent said they read it
  bool consent_asked = false;                       // waiting for the parents' consent
  bool reports_shared = false;                      // the reader may read the provider's regular reports
};

struct DueNext {
  domain::Date on;
  std::string what;  // in plain words
};

struct ChildWeek {
  domain::Pupil pupil;
  std::string school_name;
  domain::Date monday;  // of the week shown
  std::vector<domain::ChildDay> days;
  std::vector<ChildPlacement> placements;
  bool part_time = false;
  std::optional<domain::Date> part_time_ends;
  domain::Date attendance_from;  // the half term so far
  std::vector<store::MarkRow> marks;
  domain::AttendanceSummary attendance;
  std::vector<DueNext> due;          // soonest first, from today
  bool answers_as_parent = false;    // the reader is the child's parent: asked to read, answer and ask
  bool may_ask_about_data = false;   // a copy of the record, or a complaint
  bool reader_is_the_pupil = false;  // the pupil in their own account: the page speaks to them
};

ChildWeek child_week(const Services& s, const Actor& a, std::int64_t pupil_id);

}  // namespace waypoint::app
