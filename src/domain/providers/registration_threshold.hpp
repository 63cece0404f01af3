#pragma once
// When an unregistered provider must register as an independent school: full-time education
// (more than 18 hours a week) for 5 or more pupils of compulsory school age, or for 1 who is
// looked after or has an EHC plan, counted across every commissioner.
#include <cstdint>
#include <string>
#include <vector>

namespace waypoint::domain {

struct ThresholdPolicy {
  int full_time_over_minutes = 18 * 60;  // "more than 18 hours": exactly 18 is not full time
  int pupils = 5;
};

// One pupil's weekly minutes at the provider under one placement; a pupil placed by several
// commissioners appears once for each, and their minutes add up.
struct TaughtPupil {
  std::int64_t pupil_id = 0;
  int minutes_per_week = 0;
  bool looked_after = false;
  bool ehc_plan = false;
};

struct ThresholdResult {
  int full_time_pupils = 0;
  int full_time_looked_after_or_ehc = 0;
  bool must_register = false;
  std::string reason;  // empty unless must_register
};

ThresholdResult registration_threshold(const std::vector<TaughtPupil>& taught, const ThresholdPolicy& p = {});

// Whether adding `proposed` (a timetable being saved) takes the provider over the line.
bool crosses_threshold(const std::vector<TaughtPupil>& current, const std::vector<TaughtPupil>& proposed,
                       const ThresholdPolicy& p = {});

}  // namespace waypoint::domain
