#include "domain/time.hpp"

#include <date/date.h>

#include <sstream>

namespace waypoint::domain {

std::string to_iso(Instant t) { return date::format("%FT%TZ", t); }

std::optional<Instant> parse_iso(std::string_view text) {
  std::istringstream in{std::string(text)};
  Instant t;
  in >> date::parse("%FT%TZ", t);
  if (in.fail()) return std::nullopt;
  return t;
}

}  // namespace waypoint::domain
