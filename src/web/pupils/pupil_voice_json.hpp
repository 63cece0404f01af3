#pragma once
// The pupil's own answers as pages and the API show them.
#include <nlohmann/json.hpp>
#include <vector>

#include "store/pupils/pupil_voice_store.hpp"

namespace waypoint::web {

nlohmann::json pupil_voice_json(const store::PupilVoiceRow& v);
nlohmann::json pupil_voices_json(const std::vector<store::PupilVoiceRow>& rows);

}  // namespace waypoint::web
