#include "web/kernel/json_body.hpp"

#include <nlohmann/json.hpp>

#include "app/kernel/errors.hpp"

namespace waypoint::web {

nlohmann::json json_body(const Request& req) {
  auto body = nlohmann::json::parse(req.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) throw app::Invalid("body", "The body must be a JSON object");
  return body;
}

std::string text_of(const nlohmann::json& body, const char* key) {
  if (!body.is_object() || !body.contains(key)) return {};
  const auto& v = body[key];
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  if (v.is_number()) return v.dump();
  if (v.is_array()) {
    std::string out;
    for (const auto& x : v)
      if (x.is_string()) out += (out.empty() ? "" : ", ") + x.get<std::string>();
    return out;
  }
  return {};
}

std::vector<std::string> list_of(const nlohmann::json& body, const char* key) {
  std::vector<std::string> out;
  if (body.is_object() && body.contains(key) && body[key].is_array())
    for (const auto& x : body[key]) {
      if (x.is_string()) out.push_back(x.get<std::string>());
      if (x.is_number_integer()) out.push_back(std::to_string(x.get<long long>()));
    }
  return out;
}

bool flag_of(const nlohmann::json& body, const char* key) {
  return body.is_object() && body.contains(key) && body[key].is_boolean() && body[key].get<bool>();
}

Response created(std::int64_t id) { return Response::json(201, nlohmann::json{{"id", id}}.dump()); }

}  // namespace waypoint::web
