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

// The time on a clock in England: GMT, or BST (one hour ahead) from 01:00 UTC on the last Sunday
// of March to 01:00 UTC on the last Sunday of October. Sessions, registers and "today" are all in
// this time, whatever the server's own zone.
std::chrono::local_seconds uk_local_time(Instant t);
// The instant a clock in England shows `text` (YYYY-MM-DDTHH:MM); in the hour the clocks go back,
// the first of the two.
std::optional<Instant> parse_uk_local(std::string_view text);
// A stored instant as people in England read it: "9:20am on 15 June 2026"; text that is not an instant
// is shown as it is.
std::string uk_time_text(std::string_view iso);

}  // namespace waypoint::domain
