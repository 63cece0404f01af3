#pragma once
// When an unregistered provider must register as an independent school, as the law stands on a
// given day. Each version of the rule is kept with the date it comes into force: the Education and
// Skills Act 2008 s.92 (full-time education, more than 18 hours a week, for 5 or more pupils of
// compulsory school age, or for 1 who is looked after or has an EHC plan), then the Children's
// Wellbeing and Schools Act 2026 s.43 (1 pupil who is looked after or has any special educational
// needs), on a commencement day and with a full-time line that regulations will set: both are the
// deployment's settings until they are known. Pupils are counted across every commissioner.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace waypoint::domain {

struct ThresholdRule {
  std::string_view law = "Education and Skills Act 2008 s.92";
  int full_time_over_minutes = 18 * 60;  // "more than 18 hours": exactly 18 is not full time
  int pupils = 5;
  bool any_sen = false;  // one pupil with any SEN counts, not only one with an EHC plan
};

// What a deployment knows of the 2026 Act's commencement and the full-time line its regulations set.
struct ThresholdSettings {
  std::optional<std::chrono::year_month_day> cws_act_in_force_from;  // none: not yet commenced
  int cws_act_full_time_over_minutes = 18 * 60;
};

// The rule in force on `day`.
ThresholdRule threshold_rule_on(std::chrono::year_month_day day, const ThresholdSettings& settings = {});

// One pupil's weekly minutes at the provider under one placement; a pupil placed by several
// commissioners appears once for each, and their minutes add up.
struct TaughtPupil {
  std::int64_t pupil_id = 0;
  int minutes_per_week = 0;
  bool looked_after = false;
  bool ehc_plan = false;
  bool sen = false;  // SEN support or an EHC plan
  bool compulsory_school_age = true;
};

// Whether this pupil, taught full time, obliges the provider to register on their own: looked after,
// or with an EHC plan (any SEN under the 2026 Act).
bool counts_alone(const TaughtPupil& pupil, const ThresholdRule& rule);

struct ThresholdResult {
  int full_time_pupils = 0;
  int full_time_looked_after_or_ehc = 0;  // or with SEN, under the 2026 Act
  bool must_register = false;
  std::string reason;  // empty unless must_register
};

ThresholdResult registration_threshold(const std::vector<TaughtPupil>& taught, const ThresholdRule& rule = {});

// Whether adding `proposed` (a timetable being saved) takes the provider over the line.
bool crosses_threshold(const std::vector<TaughtPupil>& current, const std::vector<TaughtPupil>& proposed,
                       const ThresholdRule& rule = {});

}  // namespace waypoint::domain
