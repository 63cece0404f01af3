#include "domain/families/redaction.hpp"

#include <algorithm>

namespace waypoint::domain {

std::string withhold_names(std::string_view text, std::vector<std::string> names) {
  std::erase_if(names, [](const std::string& n) { return n.empty(); });
  std::stable_sort(names.begin(), names.end(), [](const auto& x, const auto& y) { return x.size() > y.size(); });
  std::string out;
  std::size_t at = 0;
  while (at < text.size()) {
    bool replaced = false;
    for (const auto& n : names)
      if (text.substr(at, n.size()) == n) {
        out += kNameWithheld;
        at += n.size();
        replaced = true;
        break;
      }
    if (!replaced) out += text[at++];
  }
  return out;
}

FieldErrors withholding_problems(const std::vector<std::string>& chosen, const std::vector<std::string>& listed) {
  for (const auto& c : chosen)
    if (std::find(listed.begin(), listed.end(), c) == listed.end())
      return {{"withheld", "Choose only people the copy names. Make the copy again if the record has changed"}};
  return {};
}

}  // namespace waypoint::domain
