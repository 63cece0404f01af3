#pragma once
// Small pieces the server-drawn charts share.
#include <cstdio>
#include <string>

namespace waypoint::web {

// A coordinate or length in an SVG attribute, to one decimal place.
inline std::string svg_number(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", v);
  return buffer;
}

}  // namespace waypoint::web
