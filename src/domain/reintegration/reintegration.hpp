#pragma once
// The planned return to the home school: criteria for readiness tied to the plan's objectives, a
// phased return in steps (which days are at school; the rest stay at the provider), the support
// around the pupil, and how the placement ends: its destination and the views of pupil and parents.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/calendar/school_calendar.hpp"
#include "domain/kernel/code_label.hpp"
#include "domain/kernel/field_error.hpp"
#include "domain/placements/timetable.hpp"

namespace waypoint::domain {

struct ReadinessCriterion {
  std::string objective;  // the plan objective's number, as typed ("" when the plan has none)
  std::string criterion;  // what shows the pupil is ready
};

struct ReturnStep {
  std::string starts_on;                 // as typed
  std::vector<unsigned> days_at_school;  // ISO weekdays, 1 (Monday) to 5; the other days at the provider
};

struct ReintegrationInput {
  std::vector<ReadinessCriterion> criteria;
  std::vector<ReturnStep> steps;
  std::string key_adult, mentoring, adjustments, responsibilities;
};

// Fields: criterion_<n>_objective, criterion_<n>_text, step_<n>_starts_on, step_<n>_days (from 1),
// criteria, steps, key_adult, responsibilities. Steps start on or after `placement_start`, each
// after the one before, never with fewer days at school, and the last is the full return: every day.
FieldErrors reintegration_problems(const ReintegrationInput& in, int objective_count, Date placement_start);

// The week a step makes of the pupil's current week: a day at school has all its slots at the home
// school; on any other day the home school's slots move to the provider. Times stay as they are.
std::vector<TimetableSlot> week_for_step(const std::vector<TimetableSlot>& current,
                                         const std::vector<unsigned>& days_at_school, std::int64_t provider_id);

// A step of a saved plan, as far as putting it into the timetable goes.
struct PlannedStep {
  std::optional<Date> starts_on;
  std::size_t days_at_school = 0;
  bool in_timetable = false;
};
// Which steps may go into the timetable on `today`: each from its first day, once, and not after a
// later step already has.
std::vector<bool> steps_ready(const std::vector<PlannedStep>& steps, Date today);
// The full return: the last step, every day at school, once it is in the timetable.
std::optional<Date> full_return(const std::vector<PlannedStep>& steps);

// "Monday, Tuesday and Wednesday"; "Monday to Friday" for the whole week; "no days" when empty.
std::string days_text(const std::vector<unsigned>& iso_days);

// Where the pupil went when the placement ended.
const std::vector<CodeLabel>& destinations();
// Back at the home school or another mainstream school: the return the placement worked towards.
bool is_reintegration(std::string_view destination);

struct PlacementEnding {
  std::string ended_on, reason, destination, pupil_assessment, parent_view;
};
// Fields: ended_on, end_reason, destination, pupil_assessment, parent_view. A placement cancelled
// before it started has no destination and no views to record.
FieldErrors ending_problems(const PlacementEnding& e, Date today);

// A follow-up check after the return: is it holding?
struct FollowUpInput {
  std::string checked_on, attendance_percent, suspensions, engagement, holding, notes;
};
// Fields: checked_on, attendance_percent (0 to 100), suspensions (whole number), engagement (1-5),
// holding (yes/no), notes (needed when it is not holding).
FieldErrors follow_up_problems(const FollowUpInput& in, Date today, Date full_return);

}  // namespace waypoint::domain
