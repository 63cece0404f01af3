#include "web/kernel/request_log.hpp"

#include <atomic>
#include <chrono>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>

#include "domain/kernel/time.hpp"

namespace waypoint::web {
namespace {
std::atomic<LogFormat> format{LogFormat::Text};
std::mutex out;
}  // namespace

void set_log_format(LogFormat f) { format = f; }

void log_event(const std::string& level, const std::string& message, const std::map<std::string, std::string>& fields) {
  const auto now = domain::to_iso(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
  std::string line;
  if (format == LogFormat::Json) {
    nlohmann::json j{{"time", now}, {"level", level}, {"message", message}};
    for (const auto& [k, v] : fields) j[k] = v;
    line = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  } else {
    line = now + " " + level + " " + message;
    for (const auto& [k, v] : fields) line += " " + k + "=" + v;
  }
  std::lock_guard lock(out);
  std::cerr << line << std::endl;
}

}  // namespace waypoint::web
