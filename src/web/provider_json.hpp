#pragma once
// One shape for providers in pages and in the API.
#include <nlohmann/json_fwd.hpp>

#include "app/provider_directory.hpp"
#include "web/http.hpp"

namespace waypoint::web {

// The directory's filters from a query string, the same for pages, exports and the API.
app::DirectoryQuery directory_query(const Request& req);

nlohmann::json directory_entry_json(const store::DirectoryEntry& e);
nlohmann::json provider_view_json(const app::ProviderView& v);

}  // namespace waypoint::web
