#include "web/kernel/bar_chart.hpp"

#include <algorithm>

#include "web/kernel/svg.hpp"

namespace waypoint::web {
namespace {

constexpr int kWidth = 640, kLabel = 250, kValue = 90, kRow = 36, kBar = 22;

// Text inside the SVG: our own words, but escaped all the same.
std::string escaped(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

std::string bar_chart_svg(const std::string& id, const std::string& title, const std::string& description,
                          const std::vector<Bar>& bars, double scale_max) {
  if (bars.empty()) return "";
  const int height = static_cast<int>(bars.size()) * kRow + 8;
  const double plot = kWidth - kLabel - kValue;
  const double top = std::max(scale_max, 1e-9);
  std::string svg = "<svg class=\"waypoint-chart\" viewBox=\"0 0 " + std::to_string(kWidth) + " " +
                    std::to_string(height) + "\" role=\"img\" aria-labelledby=\"" + id + "-title " + id +
                    "-desc\" xmlns=\"http://www.w3.org/2000/svg\">";
  svg += "<title id=\"" + id + "-title\">" + escaped(title) + "</title>";
  svg += "<desc id=\"" + id + "-desc\">" + escaped(description) + "</desc>";
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const double y = 4 + static_cast<double>(i) * kRow;
    const double w = plot * std::clamp(bars[i].value / top, 0.0, 1.0);
    svg += "<text x=\"" + std::to_string(kLabel - 8) + "\" y=\"" + svg_number(y + kBar - 6) +
           "\" text-anchor=\"end\" font-size=\"14\" fill=\"#0b0c0c\">" + escaped(bars[i].label) + "</text>";
    svg += "<rect x=\"" + std::to_string(kLabel) + "\" y=\"" + svg_number(y) + "\" width=\"" + svg_number(w) +
           "\" height=\"" + std::to_string(kBar) + "\" fill=\"#1d70b8\"/>";
    svg += "<text x=\"" + svg_number(kLabel + w + 6) + "\" y=\"" + svg_number(y + kBar - 6) +
           "\" font-size=\"14\" fill=\"#0b0c0c\">" + escaped(bars[i].value_text) + "</text>";
  }
  svg += "</svg>";
  return svg;
}

}  // namespace waypoint::web
