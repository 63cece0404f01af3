#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "store/accounts/api_token_store.hpp"

namespace waypoint::web {

// A user's tokens as the account and user pages list them: what each is for, when it was made, last
// used and runs out, and whether it still works at `now`.
nlohmann::json api_token_rows(const std::vector<store::ApiTokenRow>& tokens, const std::string& now);

}  // namespace waypoint::web
