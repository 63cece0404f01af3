#pragma once
// Files compiled into the binary (migrations, templates, resources), keyed by repository path.
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace waypoint::embedded {
const std::map<std::string, std::string_view>& files();
}

namespace waypoint::store {
std::optional<std::string_view> embedded_file(const std::string& path);
}
