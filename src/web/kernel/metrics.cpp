#include "web/kernel/metrics.hpp"

#include <sstream>

namespace waypoint::web {
namespace {

// Label values are route patterns we wrote, but escape anyway so the format cannot break.
std::string label(const std::string& v) {
  std::string out;
  for (char c : v) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace

void Metrics::record(const std::string& route, int status, double seconds) {
  std::lock_guard lock(mutex_);
  ++requests_[{route, status}];
  auto& h = latency_[route];
  for (std::size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) ++h.buckets[i];
  ++h.count;
  h.sum += seconds;
}

std::string Metrics::prometheus_text() const {
  std::lock_guard lock(mutex_);
  std::ostringstream out;
  out << "# HELP waypoint_http_requests_total HTTP requests answered, by route and status.\n"
      << "# TYPE waypoint_http_requests_total counter\n";
  for (const auto& [key, n] : requests_)
    out << "waypoint_http_requests_total{route=\"" << label(key.first) << "\",status=\"" << key.second << "\"} " << n
        << "\n";
  out << "# HELP waypoint_http_request_duration_seconds Time to answer a request, by route.\n"
      << "# TYPE waypoint_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : latency_) {
    const auto r = label(route);
    for (std::size_t i = 0; i < kBuckets.size(); ++i)
      out << "waypoint_http_request_duration_seconds_bucket{route=\"" << r << "\",le=\"" << kBuckets[i] << "\"} "
          << h.buckets[i] << "\n";
    out << "waypoint_http_request_duration_seconds_bucket{route=\"" << r << "\",le=\"+Inf\"} " << h.count << "\n"
        << "waypoint_http_request_duration_seconds_sum{route=\"" << r << "\"} " << h.sum << "\n"
        << "waypoint_http_request_duration_seconds_count{route=\"" << r << "\"} " << h.count << "\n";
  }
  return out.str();
}

}  // namespace waypoint::web
