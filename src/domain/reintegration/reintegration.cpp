#include "domain/reintegration/reintegration.hpp"

#include <algorithm>

#include "domain/kernel/calendar_date.hpp"
#include "domain/kernel/numbers.hpp"
#include "domain/placements/placement.hpp"
#include "domain/progress/progress.hpp"

namespace waypoint::domain {

using std::chrono::sys_days;

FieldErrors reintegration_problems(const ReintegrationInput& in, int objective_count, Date placement_start) {
  FieldErrors e;
  if (in.criteria.empty()) e.push_back({"criteria", "Add at least one sign that the pupil is ready to return"});
  for (std::size_t i = 0; i < in.criteria.size(); ++i) {
    const auto n = "criterion_" + std::to_string(i + 1) + "_";
    const auto& c = in.criteria[i];
    if (objective_count > 0) {
      const auto number = parse_whole_number(c.objective);
      if (!number || *number < 1 || *number > objective_count)
        e.push_back({n + "objective", "Select the objective that criterion " + std::to_string(i + 1) + " belongs to"});
    }
    if (c.criterion.empty())
      e.push_back({n + "text", "Say what shows the pupil is ready, for criterion " + std::to_string(i + 1)});
  }

  if (in.steps.empty()) e.push_back({"steps", "Add the steps of the return, ending with every day at school"});
  std::optional<Date> previous_start;
  std::size_t previous_days = 0;
  for (std::size_t i = 0; i < in.steps.size(); ++i) {
    const auto n = "step_" + std::to_string(i + 1) + "_";
    const auto number = std::to_string(i + 1);
    const auto& s = in.steps[i];
    const auto on = parse_date(s.starts_on);
    if (!on)
      e.push_back({n + "starts_on", s.starts_on.empty()
                                        ? "Enter the day step " + number + " starts"
                                        : "Start of step " + number + " must be a real date, like 2027-01-11"});
    else if (sys_days(*on) < sys_days(placement_start))
      e.push_back({n + "starts_on", "Step " + number + " must start on or after the placement started"});
    else if (previous_start && sys_days(*on) <= sys_days(*previous_start))
      e.push_back({n + "starts_on", "Step " + number + " must start after the step before it"});
    if (on) previous_start = on;
    const bool valid_days =
        std::all_of(s.days_at_school.begin(), s.days_at_school.end(), [](unsigned d) { return d >= 1 && d <= 5; });
    if (!valid_days)
      e.push_back({n + "days", "Select the days of step " + number + " at school from Monday to Friday"});
    else if (s.days_at_school.size() < previous_days)
      e.push_back({n + "days", "Step " + number + " must have at least as many days at school as the step before"});
    else if (i + 1 == in.steps.size() && s.days_at_school.size() != 5)
      e.push_back({n + "days", "The last step is the full return: every day at school"});
    previous_days = s.days_at_school.size();
  }

  if (in.key_adult.empty()) e.push_back({"key_adult", "Name the key adult at the home school"});
  if (in.responsibilities.empty()) e.push_back({"responsibilities", "Say who does what to support the return"});
  return e;
}

std::vector<TimetableSlot> week_for_step(const std::vector<TimetableSlot>& current,
                                         const std::vector<unsigned>& days_at_school, std::int64_t provider_id) {
  std::vector<TimetableSlot> out;
  for (auto slot : current) {
    const bool at_school =
        std::find(days_at_school.begin(), days_at_school.end(), slot.day.iso_encoding()) != days_at_school.end();
    if (at_school) {
      slot.setting = "home_school";
      slot.provider_id.reset();
    } else if (slot.setting == "home_school") {
      slot.setting = "provider";
      slot.provider_id = provider_id;
    }
    out.push_back(slot);
  }
  return out;
}

std::vector<bool> steps_ready(const std::vector<PlannedStep>& steps, Date today) {
  std::vector<bool> ready(steps.size(), false);
  bool later_in_timetable = false;
  for (std::size_t i = steps.size(); i-- > 0;) {
    const auto& s = steps[i];
    ready[i] = !s.in_timetable && !later_in_timetable && s.starts_on && sys_days(*s.starts_on) <= sys_days(today);
    later_in_timetable = later_in_timetable || s.in_timetable;
  }
  return ready;
}

std::optional<Date> full_return(const std::vector<PlannedStep>& steps) {
  if (steps.empty() || !steps.back().in_timetable || steps.back().days_at_school != 5) return std::nullopt;
  return steps.back().starts_on;
}

std::string days_text(const std::vector<unsigned>& iso_days) {
  std::vector<unsigned> days = iso_days;
  std::sort(days.begin(), days.end());
  if (days.empty()) return "no days";
  if (days == std::vector<unsigned>{1, 2, 3, 4, 5}) return "Monday to Friday";
  std::string out;
  for (std::size_t i = 0; i < days.size(); ++i) {
    if (i) out += i + 1 == days.size() ? " and " : ", ";
    out += weekday_name(std::chrono::weekday{days[i]});
  }
  return out;
}

const std::vector<CodeLabel>& destinations() {
  static const std::vector<CodeLabel> list{
      {"home_school", "Back to the home school"},
      {"mainstream", "Another mainstream school"},
      {"special_school", "A special school"},
      {"another_ap", "Another alternative provision"},
      {"fe_training_employment", "Further education, training or employment"},
      {"neet", "Not in education, employment or training"},
      {"moved_away", "Moved away"},
      {"other", "Other"},
  };
  return list;
}

bool is_reintegration(std::string_view destination) {
  return destination == "home_school" || destination == "mainstream";
}

FieldErrors ending_problems(const PlacementEnding& in, Date today) {
  FieldErrors e;
  const auto on = parse_date(in.ended_on);
  if (in.ended_on.empty())
    e.push_back({"ended_on", "Enter the date the placement ended"});
  else if (!on)
    e.push_back({"ended_on", "End date must be a real date, like 2026-11-23"});
  else if (sys_days(*on) > sys_days(today))
    e.push_back({"ended_on", "End date must be today or in the past"});
  if (!in_list(placement_end_reasons(), in.reason)) e.push_back({"end_reason", "Select why the placement ended"});
  if (in.reason == "cancelled") return e;
  if (!in_list(destinations(), in.destination)) e.push_back({"destination", "Select where the pupil went next"});
  if (in.pupil_assessment.empty())
    e.push_back({"pupil_assessment", "Enter how the pupil thinks it went, or why they did not say"});
  if (in.parent_view.empty())
    e.push_back({"parent_view", "Enter what the parents think of how it went, or why they did not say"});
  return e;
}

FieldErrors follow_up_problems(const FollowUpInput& in, Date today, Date full_return) {
  FieldErrors e;
  const auto on = parse_date(in.checked_on);
  if (!on)
    e.push_back({"checked_on", in.checked_on.empty() ? "Enter the date of the check"
                                                     : "Date of the check must be a real date, like 2027-02-01"});
  else if (sys_days(*on) > sys_days(today))
    e.push_back({"checked_on", "Date of the check must be today or in the past"});
  else if (sys_days(*on) < sys_days(full_return))
    e.push_back({"checked_on", "Date of the check must be on or after the full return, " + date_text(full_return)});
  const auto percent = parse_measure(in.attendance_percent);
  if (!percent || *percent < 0 || *percent > 100)
    e.push_back({"attendance_percent", "Attendance since the return must be a percentage from 0 to 100"});
  if (!parse_whole_number(in.suspensions))
    e.push_back({"suspensions", "Suspensions since the return must be a whole number, like 0"});
  if (!in_list(engagement_levels(), in.engagement))
    e.push_back({"engagement", "Select how well the pupil is engaging"});
  if (in.holding != "yes" && in.holding != "no") e.push_back({"holding", "Select whether the return is holding"});
  if (in.holding == "no" && in.notes.empty())
    e.push_back({"notes", "Say what is going wrong and what is being done about it"});
  return e;
}

}  // namespace waypoint::domain
