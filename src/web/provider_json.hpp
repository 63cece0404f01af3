#pragma once
// One shape for providers in pages and in the API.
#include <nlohmann/json_fwd.hpp>

#include "app/provider_directory.hpp"

namespace waypoint::web {

nlohmann::json directory_entry_json(const store::DirectoryEntry& e);
nlohmann::json provider_view_json(const app::ProviderView& v);

}  // namespace waypoint::web
