#pragma once
#include <nlohmann/json.hpp>

#include "domain/pupil.hpp"

namespace waypoint::web {

// One shape for a pupil in pages and in the API.
inline nlohmann::json pupil_json(const domain::Pupil& p) {
  return {{"id", p.id},
          {"upn", p.upn},
          {"given_name", p.given_name},
          {"family_name", p.family_name},
          {"date_of_birth", p.date_of_birth},
          {"school_id", p.school_id}};
}

}  // namespace waypoint::web
