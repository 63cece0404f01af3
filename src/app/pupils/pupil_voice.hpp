#pragma once
// The pupil's own voice: what they say each half term of how it is going, recorded by the school,
// read by the adults around them (not their parents), and shown at the next review.
#include <cstdint>
#include <optional>
#include <vector>

#include "app/kernel/actor.hpp"
#include "app/kernel/services.hpp"
#include "domain/pupils/pupil.hpp"
#include "domain/pupils/pupil_voice.hpp"
#include "store/pupils/pupil_voice_store.hpp"

namespace waypoint::app {

struct PupilVoices {
  domain::Pupil pupil;
  std::vector<store::PupilVoiceRow> answers;  // newest first
  bool asked_this_half_term = false;          // answers given since the half term began
  bool can_record = false;
};
PupilVoices pupil_voices(const Services& s, const Actor& a, std::int64_t pupil_id);
std::int64_t record_pupil_voice(const Services& s, const Actor& a, std::int64_t pupil_id,
                                const domain::PupilVoiceInput& in);

// The pupil answering for themselves in their own account: today, "in Waypoint".
std::int64_t answer_how_it_is_going(const Services& s, const Actor& a, std::int64_t pupil_id,
                                    const domain::PupilVoiceInput& in);

// Inside a use case on a placement's review: what the pupil said between `from` and `to`, if the
// actor may read it.
std::vector<store::PupilVoiceRow> pupil_said_between(store::Connection& c, const Actor& a, std::int64_t pupil_id,
                                                     const std::string& from, const std::string& to);

}  // namespace waypoint::app
