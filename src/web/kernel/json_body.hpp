#pragma once
// Reading API request bodies: the same forms the pages post, as JSON objects.
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "web/kernel/http.hpp"

namespace waypoint::web {

// The request body as a JSON object; a body that is not one is a 422 naming "body".
nlohmann::json json_body(const Request& req);
// A value as the form would carry it: a string, a number, or (for comma-separated fields) an array
// of strings joined with ", ". Anything else reads as missing, so the rules name it.
std::string text_of(const nlohmann::json& body, const char* key);
std::vector<std::string> list_of(const nlohmann::json& body, const char* key);
bool flag_of(const nlohmann::json& body, const char* key);

// 201 with {"id": id}.
Response created(std::int64_t id);

}  // namespace waypoint::web
