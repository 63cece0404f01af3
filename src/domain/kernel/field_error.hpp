#pragma once
#include <string>
#include <vector>

namespace waypoint::domain {

// A rule broken by one input field: `field` is the form/JSON name, `message` says what to do.
struct FieldError {
  std::string field;
  std::string message;
};

using FieldErrors = std::vector<FieldError>;

}  // namespace waypoint::domain
