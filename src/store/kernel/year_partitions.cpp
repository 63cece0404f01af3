#include "store/kernel/year_partitions.hpp"

#include <algorithm>
#include <optional>
#include <string_view>

namespace waypoint::store {

std::vector<YearPartition> year_partitions(Connection& c, const std::string& parent) {
  std::vector<YearPartition> years;
  for (const auto& r : c.query("SELECT k.relname, pg_get_expr(k.relpartbound, k.oid) FROM pg_inherits i JOIN pg_class "
                               "k ON k.oid = i.inhrelid WHERE i.inhparent = $1::regclass",
                               {parent})) {
    const auto bound = r.text(1);
    const auto quoted = [&](std::string_view before) -> std::optional<std::string> {
      const auto start = bound.find(before);
      if (start == std::string::npos) return std::nullopt;
      const auto first = start + before.size(), end = bound.find("')", first);
      if (end == std::string::npos) return std::nullopt;
      return bound.substr(first, end - first);
    };
    const auto from = quoted("FROM ('"), to = quoted("TO ('");
    if (from && to) years.push_back({r.text(0), *from, *to});
  }
  // Days written as ISO dates order as their text does.
  std::sort(years.begin(), years.end(), [](const auto& a, const auto& b) { return a.first_day < b.first_day; });
  return years;
}

}  // namespace waypoint::store
