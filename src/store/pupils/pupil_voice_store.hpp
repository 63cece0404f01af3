#pragma once
// The pupil's own answers, each with who recorded them.
#include <cstdint>
#include <string>
#include <vector>

#include "domain/pupils/pupil_voice.hpp"
#include "store/kernel/database.hpp"

namespace waypoint::store {

struct PupilVoiceRow {
  std::int64_t id = 0;
  std::int64_t pupil_id = 0;
  domain::PupilVoiceInput said;
  std::string recorded_by_name;
  std::string recorded_at;
};

std::int64_t insert_pupil_voice(Connection& c, std::int64_t pupil_id, const domain::PupilVoiceInput& said,
                                std::int64_t user_id, const std::string& now);
// Newest first, answered on `from` or later (all when blank) and up to `to` (all when blank).
std::vector<PupilVoiceRow> pupil_voices_of(Connection& c, std::int64_t pupil_id, const std::string& from = "",
                                           const std::string& to = "");

}  // namespace waypoint::store
