#pragma once
#include <string>
#include <string_view>

namespace waypoint::domain {

// Without leading and trailing spaces, tabs and line breaks: how every typed field is read.
std::string trimmed(std::string_view s);

}  // namespace waypoint::domain
