#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "web/kernel/http.hpp"

namespace waypoint::web {

struct RequestContext;
using Handler = std::function<Response(Request&, RequestContext&)>;

struct Route {
  std::string method;
  std::string pattern;  // "/pupils/{id}": a {name} segment matches one path segment
  Handler handler;
  std::vector<std::string> parts;  // the pattern split at its slashes once, when the route is added
};

class Router {
 public:
  void add(std::string method, std::string pattern, Handler handler);
  // The route for this request, with its {params} filled in; nothing if no pattern matches.
  // `path_matched` says whether some route matched the path with another method (405, not 404).
  const Route* match(Request& request, bool& path_matched) const;

 private:
  std::vector<Route> routes_;
};

}  // namespace waypoint::web
