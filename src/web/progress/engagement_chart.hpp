#pragma once
// The engagement trend as an SVG drawn by the server: no script, and always shown with its table.
#include <string>
#include <vector>

#include "domain/progress/progress.hpp"

namespace waypoint::web {

// A line of each week's mean engagement on the 1 to 5 scale; empty when there is nothing to draw.
// Labelled for screen readers, which are pointed to the table of the same figures.
std::string engagement_chart_svg(const std::vector<domain::WeekEngagement>& weeks);

}  // namespace waypoint::web
