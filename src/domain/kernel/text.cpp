#include "domain/kernel/text.hpp"

#include <algorithm>

namespace waypoint::domain {

std::string trimmed(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  return std::string(s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1));
}

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    auto end = text.find(',', pos);
    if (end == std::string_view::npos) end = text.size();
    auto item = text.substr(pos, end - pos);
    const auto b = item.find_first_not_of(" \t\r\n");
    if (b != std::string_view::npos) {
      item = item.substr(b, item.find_last_not_of(" \t\r\n") - b + 1);
      std::string value(item.substr(0, 100));
      if (std::find(out.begin(), out.end(), value) == out.end()) out.push_back(value);
    }
    pos = end + 1;
  }
  return out;
}

std::string join_list(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : ",") + v;
  return out;
}

}  // namespace waypoint::domain
