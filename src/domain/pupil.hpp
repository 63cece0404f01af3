#pragma once
#include <cstdint>
#include <string>

namespace waypoint::domain {

struct Pupil {
  std::int64_t id = 0;
  std::int64_t school_id = 0;
  std::string upn;
  std::string given_name;
  std::string family_name;
  std::string date_of_birth;  // YYYY-MM-DD
};

}  // namespace waypoint::domain
