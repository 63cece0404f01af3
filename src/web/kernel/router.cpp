#include "web/kernel/router.hpp"

#include <string_view>

namespace waypoint::web {
namespace {

// The path's segments after its leading slash, as views into it: a request is matched against
// every route, so splitting allocates nothing.
std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t pos = 1;
  while (pos <= path.size()) {
    auto end = path.find('/', pos);
    if (end == std::string_view::npos) end = path.size();
    out.push_back(path.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

bool is_parameter(const std::string& part) { return part.size() > 2 && part.front() == '{' && part.back() == '}'; }

bool matches(const std::vector<std::string>& want, const std::vector<std::string_view>& have) {
  if (want.size() != have.size()) return false;
  for (std::size_t i = 0; i < want.size(); ++i) {
    if (is_parameter(want[i]) ? have[i].empty() : want[i] != have[i]) return false;
  }
  return true;
}

}  // namespace

void Router::add(std::string method, std::string pattern, Handler handler) {
  std::vector<std::string> parts;
  for (const auto part : segments(pattern)) parts.emplace_back(part);
  routes_.push_back({std::move(method), std::move(pattern), std::move(handler), std::move(parts)});
}

const Route* Router::match(Request& request, bool& path_matched) const {
  path_matched = false;
  const auto have = segments(request.path);
  for (const auto& r : routes_) {
    if (!matches(r.parts, have)) continue;
    path_matched = true;
    if (r.method != request.method && !(r.method == "GET" && request.method == "HEAD")) continue;
    std::map<std::string, std::string> params;
    for (std::size_t i = 0; i < r.parts.size(); ++i)
      if (is_parameter(r.parts[i])) params[r.parts[i].substr(1, r.parts[i].size() - 2)] = std::string(have[i]);
    request.params = std::move(params);
    return &r;
  }
  return nullptr;
}

}  // namespace waypoint::web
