#pragma once
// One shape for providers in pages and in the API.
#include <nlohmann/json_fwd.hpp>

#include "app/providers/provider_directory.hpp"
#include "web/kernel/http.hpp"

namespace waypoint::web {

// The directory's filters from a query string, the same for pages, exports and the API.
app::DirectoryQuery directory_query(const Request& req);

// The body of an API write as the same forms the pages post. A value may be a string, a number or
// (for lists) an array of strings; anything else is treated as missing and named by the rules.
app::ProviderForm provider_form_from_json(const nlohmann::json& body);
app::SiteForm site_form_from_json(const nlohmann::json& body);
app::CheckForm check_form_from_json(const nlohmann::json& body);

nlohmann::json directory_entry_json(const store::DirectoryEntry& e);
nlohmann::json provider_view_json(const app::ProviderView& v);
// One line of a provider's history, in words: {at, who, what, details}.
nlohmann::json provider_change_json(const store::ProviderChange& c);

// {code, label, class (a GOV.UK tag colour), reasons, has_reasons, expiring}.
nlohmann::json standing_json(const domain::StandingResult& r);

}  // namespace waypoint::web
