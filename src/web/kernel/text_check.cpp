#include "web/kernel/text_check.hpp"

#include <nlohmann/json.hpp>
#include <set>

#include "domain/kernel/text_rules.hpp"

namespace waypoint::web {
namespace {

// Secrets are anything their owner types; their own rules (length, common passwords) apply.
bool is_secret(const std::string& field) {
  static const std::set<std::string> secrets{"csrf_token",   "password",         "current_password",
                                             "new_password", "confirm_password", "code"};
  return secrets.count(field) > 0;
}

void check(const std::string& key, const std::string& path, const std::string& value, domain::FieldErrors& out) {
  if (is_secret(key)) return;
  if (auto problem = domain::text_problem(key, value)) out.push_back({path, *problem});
}

void walk(const nlohmann::json& v, const std::string& key, const std::string& path, domain::FieldErrors& out) {
  if (v.is_string()) {
    check(key, path, v.get<std::string>(), out);
  } else if (v.is_object()) {
    for (const auto& [k, item] : v.items()) {
      // A key is text too: a long or strange one is refused rather than echoed in an error.
      if (auto problem = domain::text_problem("name", k)) {
        out.push_back({path.empty() ? "body" : path, "Field names must be short plain text"});
        continue;
      }
      walk(item, k, path.empty() ? k : path + "." + k, out);
    }
  } else if (v.is_array()) {
    for (std::size_t i = 0; i < v.size(); ++i) walk(v[i], key, path + "[" + std::to_string(i) + "]", out);
  }
}

}  // namespace

domain::FieldErrors text_problems(const Request& request) {
  domain::FieldErrors out;
  for (const auto& [field, value] : request.form_values) check(field, field, value, out);
  if (request.header("content-type").rfind("application/json", 0) == 0 || request.path.rfind("/api/", 0) == 0) {
    const auto body = nlohmann::json::parse(request.body, nullptr, false);
    if (!body.is_discarded()) walk(body, "", "", out);
  }
  return out;
}

}  // namespace waypoint::web
