#include "web/kernel/bar_chart.hpp"

#include <algorithm>

#include "web/kernel/svg.hpp"

namespace waypoint::web {
namespace {

// Each label sits above its bar, so a long one ("Social, emotional and mental health needs") is
// never cut off and a phone shows the chart at a readable size.
constexpr int kWidth = 420, kValue = 60, kRow = 50, kLabelLine = 18, kBar = 22;

// Text inside the SVG: our own words, but escaped all the same.
std::string xml_text(const std::string& s) {
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
  const int height = static_cast<int>(bars.size()) * kRow + 4;
  const double plot = kWidth - kValue;
  const double top = std::max(scale_max, 1e-9);
  std::string svg = "<svg class=\"waypoint-chart\" viewBox=\"0 0 " + std::to_string(kWidth) + " " +
                    std::to_string(height) + "\" role=\"img\" aria-labelledby=\"" + id + "-title " + id +
                    "-desc\" xmlns=\"http://www.w3.org/2000/svg\">";
  svg += "<title id=\"" + id + "-title\">" + xml_text(title) + "</title>";
  svg += "<desc id=\"" + id + "-desc\">" + xml_text(description) + "</desc>";
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const double y = 4 + static_cast<double>(i) * kRow;
    const double bar_top = y + kLabelLine + 4;
    const double w = plot * std::clamp(bars[i].value / top, 0.0, 1.0);
    svg += "<text x=\"0\" y=\"" + svg_number(y + 14) + "\" font-size=\"16\" fill=\"#0b0c0c\">" +
           xml_text(bars[i].label) + "</text>";
    svg += "<rect x=\"0\" y=\"" + svg_number(bar_top) + "\" width=\"" + svg_number(w) + "\" height=\"" +
           std::to_string(kBar) + "\" fill=\"#1d70b8\"/>";
    svg += "<text x=\"" + svg_number(w + 6) + "\" y=\"" + svg_number(bar_top + kBar - 6) +
           "\" font-size=\"16\" fill=\"#0b0c0c\">" + xml_text(bars[i].value_text) + "</text>";
  }
  svg += "</svg>";
  return svg;
}

}  // namespace waypoint::web
