#include "domain/kernel/code_label.hpp"

#include <algorithm>

namespace waypoint::domain {

std::string_view label_of(const std::vector<CodeLabel>& list, std::string_view code) {
  for (const auto& i : list)
    if (i.code == code) return i.label;
  return code;
}

bool in_list(const std::vector<CodeLabel>& list, std::string_view code) {
  return std::any_of(list.begin(), list.end(), [&](const CodeLabel& i) { return i.code == code; });
}

}  // namespace waypoint::domain
