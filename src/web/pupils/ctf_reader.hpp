#pragma once
// Reads the pupils from a Common Transfer File (CTF XML: CTfile / Header / CTFpupilData / Pupil).
#include <stdexcept>
#include <string_view>
#include <vector>

#include "domain/pupils/pupil_import.hpp"

namespace waypoint::web {

class CtfError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One raw record a Pupil element, numbered from 1 in file order. SEN provision E (EHC plan) and K
// (SEN support) become needs; LookedAfter/InCare true marks a looked-after pupil. Throws CtfError
// when the file is not well-formed XML or not a CTF. External entities are never fetched.
std::vector<domain::RawPupil> read_ctf(std::string_view xml);

}  // namespace waypoint::web
