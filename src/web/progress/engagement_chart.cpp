#include "web/progress/engagement_chart.hpp"

#include "domain/kernel/calendar_date.hpp"
#include "web/kernel/svg.hpp"

namespace waypoint::web {
namespace {

constexpr int kWidth = 640, kHeight = 240, kLeft = 48, kRight = 16, kTop = 16, kBottom = 40;

}  // namespace

std::string engagement_chart_svg(const std::vector<domain::WeekEngagement>& weeks) {
  if (weeks.empty()) return "";
  using std::chrono::sys_days;
  const auto first = sys_days(weeks.front().monday);
  const double span = std::max(1.0, static_cast<double>((sys_days(weeks.back().monday) - first).count()));
  const double plot_w = kWidth - kLeft - kRight, plot_h = kHeight - kTop - kBottom;
  const auto x_of = [&](const domain::WeekEngagement& w) {
    const double days = static_cast<double>((sys_days(w.monday) - first).count());
    return weeks.size() == 1 ? kLeft + plot_w / 2 : kLeft + plot_w * days / span;
  };
  const auto y_of = [&](double level) { return kTop + plot_h * (5.0 - level) / 4.0; };
  const auto from = domain::format_date(weeks.front().monday), to = domain::format_date(weeks.back().monday);

  std::string svg = "<svg class=\"waypoint-chart\" viewBox=\"0 0 " + std::to_string(kWidth) + " " +
                    std::to_string(kHeight) +
                    "\" role=\"img\" aria-labelledby=\"engagement-chart-title engagement-chart-desc\" "
                    "xmlns=\"http://www.w3.org/2000/svg\">";
  svg += "<title id=\"engagement-chart-title\">Engagement each week</title>";
  svg += "<desc id=\"engagement-chart-desc\">Mean engagement on the 1 to 5 scale for each week from " + from + " to " +
         to + ". The table below gives the same figures.</desc>";
  for (int level = 1; level <= 5; ++level) {
    const auto y = svg_number(y_of(level));
    svg += "<line x1=\"" + std::to_string(kLeft) + "\" x2=\"" + std::to_string(kWidth - kRight) + "\" y1=\"" + y +
           "\" y2=\"" + y + "\" stroke=\"#b1b4b6\" stroke-width=\"1\"/>";
    svg += "<text x=\"" + std::to_string(kLeft - 8) + "\" y=\"" + svg_number(y_of(level) + 5) +
           "\" text-anchor=\"end\" font-size=\"14\" fill=\"#0b0c0c\">" + std::to_string(level) + "</text>";
  }
  std::string points;
  for (const auto& w : weeks) points += svg_number(x_of(w)) + "," + svg_number(y_of(w.mean)) + " ";
  points.pop_back();
  if (weeks.size() > 1)
    svg += "<polyline points=\"" + points + "\" fill=\"none\" stroke=\"#1d70b8\" stroke-width=\"3\"/>";
  for (const auto& w : weeks)
    svg +=
        "<circle cx=\"" + svg_number(x_of(w)) + "\" cy=\"" + svg_number(y_of(w.mean)) + "\" r=\"5\" fill=\"#1d70b8\"/>";
  const auto baseline = std::to_string(kHeight - kBottom + 24);
  svg += "<text x=\"" + std::to_string(kLeft) + "\" y=\"" + baseline + "\" font-size=\"14\" fill=\"#0b0c0c\">" + from +
         "</text>";
  if (weeks.size() > 1)
    svg += "<text x=\"" + std::to_string(kWidth - kRight) + "\" y=\"" + baseline +
           "\" text-anchor=\"end\" font-size=\"14\" fill=\"#0b0c0c\">" + to + "</text>";
  svg += "</svg>";
  return svg;
}

}  // namespace waypoint::web
