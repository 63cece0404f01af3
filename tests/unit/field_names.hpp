#pragma once
// The fields named by a list of problems (field errors, blockers), in order: what most rule tests compare.
#include <string>
#include <vector>

template <typename Problems>
std::vector<std::string> fields(const Problems& problems) {
  std::vector<std::string> out;
  for (const auto& p : problems) out.push_back(p.field);
  return out;
}
