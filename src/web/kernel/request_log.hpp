#pragma once
#include <map>
#include <string>

namespace waypoint::web {

enum class LogFormat { Text, Json };
void set_log_format(LogFormat f);

// One line to standard error: JSON lines in production, readable text by default.
void log_event(const std::string& level, const std::string& message,
               const std::map<std::string, std::string>& fields = {});

}  // namespace waypoint::web
