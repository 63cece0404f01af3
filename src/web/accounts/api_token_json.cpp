#include "web/accounts/api_token_json.hpp"

#include "domain/kernel/time.hpp"

namespace waypoint::web {

nlohmann::json api_token_rows(const std::vector<store::ApiTokenRow>& tokens, const std::string& now) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& t : tokens) {
    const bool live = !t.revoked_at && t.expires_at > now;
    rows.push_back({{"token_id", std::to_string(t.id)},
                    {"label", t.label},
                    {"created", domain::uk_time_text(t.created_at)},
                    {"last_used", t.last_used_at ? domain::uk_time_text(*t.last_used_at) : "Never"},
                    {"expires", domain::uk_time_text(t.expires_at)},
                    {"live", live},
                    {"state", t.revoked_at ? "Revoked"
                              : live       ? "Active"
                                           : "Run out"}});
  }
  return rows;
}

}  // namespace waypoint::web
