// The pupil's own voice: what a record of their answers needs.
#include <gtest/gtest.h>

#include "domain/pupils/pupil_voice.hpp"
#include "sample_calendar.hpp"

namespace {

using namespace waypoint::domain;

std::vector<std::string> voice_fields(const FieldErrors& e) {
  std::vector<std::string> out;
  for (const auto& x : e) out.push_back(x.field);
  return out;
}

TEST(PupilVoice, AFeelingAndTheAnswerAboutSchoolAreEnoughTheRestIsTheirs) {
  EXPECT_TRUE(
      pupil_voice_problems({"2026-12-01", "okay", "", "", "", "not_sure", "told_staff"}, d("2026-12-01")).empty());
  EXPECT_EQ(voice_fields(pupil_voice_problems({}, d("2026-12-01"))),
            (std::vector<std::string>{"answered_on", "feeling", "back_to_school", "how"}));
}

TEST(PupilVoice, TheDayIsTodayOrWithinTheYear) {
  const auto at = [](const char* day) {
    return voice_fields(pupil_voice_problems({day, "good", "", "", "", "yes", "wrote_it"}, d("2028-02-29")));
  };
  EXPECT_TRUE(at("2028-02-29").empty());  // a leap day
  EXPECT_EQ(at("2028-03-01"), std::vector<std::string>{"answered_on"});
  EXPECT_TRUE(at("2027-02-28").empty());  // 366 days before
  EXPECT_EQ(at("2027-02-27"), std::vector<std::string>{"answered_on"});
  EXPECT_EQ(at("2027-02-29"), std::vector<std::string>{"answered_on"});  // no such day
}

TEST(PupilVoice, OnlyThePupilAnswersInWaypoint) {
  EXPECT_EQ(
      voice_fields(pupil_voice_problems({"2026-12-01", "good", "", "", "", "yes", "in_waypoint"}, d("2026-12-01"))),
      std::vector<std::string>{"how"});
  EXPECT_EQ(label_of(voice_ways(), "in_waypoint"), "In Waypoint");
  EXPECT_EQ(label_of(voice_feelings(), "really_bad"), "Really bad");
  EXPECT_EQ(label_of(voice_back_to_school(), "not_yet"), "Not yet");
}

}  // namespace
