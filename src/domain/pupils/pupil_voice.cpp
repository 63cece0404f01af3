#include "domain/pupils/pupil_voice.hpp"

#include "domain/kernel/calendar_date.hpp"

namespace waypoint::domain {

const std::vector<CodeLabel>& voice_feelings() {
  static const std::vector<CodeLabel> list{{"really_good", "Really good"},
                                           {"good", "Good"},
                                           {"okay", "Okay"},
                                           {"not_good", "Not good"},
                                           {"really_bad", "Really bad"}};
  return list;
}

const std::vector<CodeLabel>& voice_back_to_school() {
  static const std::vector<CodeLabel> list{
      {"yes", "Yes"}, {"not_yet", "Not yet"}, {"no", "No"}, {"not_sure", "Not sure"}};
  return list;
}

const std::vector<CodeLabel>& voice_ways() {
  static const std::vector<CodeLabel> list{{"told_staff", "Told a member of staff"},
                                           {"wrote_it", "Wrote it down themselves"},
                                           {"in_waypoint", "In Waypoint"}};
  return list;
}

FieldErrors pupil_voice_problems(const PupilVoiceInput& in, std::chrono::year_month_day today) {
  using std::chrono::days;
  using std::chrono::sys_days;
  FieldErrors e;
  const auto day = parse_date(in.answered_on);
  if (!day)
    e.push_back({"answered_on", "Enter the date the pupil said it as a real date"});
  else if (sys_days(*day) > sys_days(today))
    e.push_back({"answered_on", "The date the pupil said it must be today or in the past"});
  else if (sys_days(*day) < sys_days(today) - days(366))
    e.push_back({"answered_on", "The date the pupil said it must be within the last year"});
  if (!in_list(voice_feelings(), in.feeling)) e.push_back({"feeling", "Select how the pupil feels it is going"});
  if (!in_list(voice_back_to_school(), in.back_to_school))
    e.push_back({"back_to_school", "Select whether the pupil wants to go back to school"});
  if (in.how == "in_waypoint" || !in_list(voice_ways(), in.how))
    e.push_back({"how", "Select how the pupil gave their answers"});
  return e;
}

PupilVoiceInput own_answers(PupilVoiceInput in, std::chrono::year_month_day today) {
  in.answered_on = format_date(today);
  in.how = "in_waypoint";
  return in;
}

FieldErrors own_voice_problems(const PupilVoiceInput& in) {
  FieldErrors e;
  if (!in_list(voice_feelings(), in.feeling)) e.push_back({"feeling", "Select how you feel it is going"});
  if (!in_list(voice_back_to_school(), in.back_to_school))
    e.push_back({"back_to_school", "Select whether you want to go back to school"});
  if (in.how != "in_waypoint") e.push_back({"how", "Only you can answer for yourself in Waypoint"});
  return e;
}

}  // namespace waypoint::domain
