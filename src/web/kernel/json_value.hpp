#pragma once
// A value that may be missing, as JSON: the value, or null.
#include <nlohmann/json.hpp>
#include <optional>

namespace waypoint::web {

template <typename T>
nlohmann::json json_or_null(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json();
}

}  // namespace waypoint::web
