#include "web/kernel/router.hpp"

namespace waypoint::web {
namespace {

std::vector<std::string> segments(const std::string& path) {
  std::vector<std::string> out;
  std::size_t pos = 1;
  while (pos <= path.size()) {
    auto end = path.find('/', pos);
    if (end == std::string::npos) end = path.size();
    out.push_back(path.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

bool matches(const std::string& pattern, const std::string& path, std::map<std::string, std::string>& params) {
  const auto want = segments(pattern);
  const auto have = segments(path);
  if (want.size() != have.size()) return false;
  std::map<std::string, std::string> found;
  for (std::size_t i = 0; i < want.size(); ++i) {
    const auto& w = want[i];
    if (w.size() > 2 && w.front() == '{' && w.back() == '}') {
      if (have[i].empty()) return false;
      found[w.substr(1, w.size() - 2)] = have[i];
    } else if (w != have[i]) {
      return false;
    }
  }
  params = std::move(found);
  return true;
}

}  // namespace

void Router::add(std::string method, std::string pattern, Handler handler) {
  routes_.push_back({std::move(method), std::move(pattern), std::move(handler)});
}

const Route* Router::match(Request& request, bool& path_matched) const {
  path_matched = false;
  for (const auto& r : routes_) {
    std::map<std::string, std::string> params;
    if (!matches(r.pattern, request.path, params)) continue;
    path_matched = true;
    if (r.method != request.method && !(r.method == "GET" && request.method == "HEAD")) continue;
    request.params = std::move(params);
    return &r;
  }
  return nullptr;
}

}  // namespace waypoint::web
