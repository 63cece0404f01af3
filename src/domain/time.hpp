#pragma once
// Instants are whole seconds since the Unix epoch (UTC), stored as ISO-8601 text ("...Z").
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace waypoint::domain {

using Instant = std::chrono::sys_seconds;

std::string to_iso(Instant t);
std::optional<Instant> parse_iso(std::string_view text);

}  // namespace waypoint::domain
