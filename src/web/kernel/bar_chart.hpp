#pragma once
// A horizontal bar chart drawn by the server as SVG: one bar a row, each labelled with its value,
// named for screen readers. Pages follow it with a table of the same figures.
#include <string>
#include <vector>

namespace waypoint::web {

struct Bar {
  std::string label;
  double value = 0;
  std::string value_text;  // printed at the end of the bar
};

// `id` makes the title and description ids unique on the page; `scale_max` is the value of a full bar.
std::string bar_chart_svg(const std::string& id, const std::string& title, const std::string& description,
                          const std::vector<Bar>& bars, double scale_max);

}  // namespace waypoint::web
