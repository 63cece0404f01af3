#pragma once
// A controlled list: the code stored and sent, and the words people read.
#include <string_view>
#include <vector>

namespace waypoint::domain {

struct CodeLabel {
  std::string_view code;
  std::string_view label;
};

// The label for `code`, or the code itself when the list does not hold it.
std::string_view label_of(const std::vector<CodeLabel>& list, std::string_view code);
bool in_list(const std::vector<CodeLabel>& list, std::string_view code);

}  // namespace waypoint::domain
