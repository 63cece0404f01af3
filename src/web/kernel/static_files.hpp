#pragma once
#include <optional>
#include <string>

#include "web/kernel/http.hpp"

namespace waypoint::web {

// Files under /static/ and /assets/ from the compiled assets folder, or nothing for other paths.
std::optional<Response> serve_static(const std::string& assets_dir, const std::string& path);

}  // namespace waypoint::web
