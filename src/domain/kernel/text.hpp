#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace waypoint::domain {

// Without leading and trailing spaces, tabs and line breaks: how every typed field is read.
std::string trimmed(std::string_view s);

// Splits "English, maths ,, science" into trimmed, non-empty, de-duplicated values.
std::vector<std::string> split_list(std::string_view text);
// The inverse, for storing a short list in one column: values joined with ",".
std::string join_list(const std::vector<std::string>& values);

}  // namespace waypoint::domain
