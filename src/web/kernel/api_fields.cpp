#include "web/kernel/api_fields.hpp"

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <vector>

namespace waypoint::web {

struct ApiFields::Shape {
  enum class Kind { Any, Object, List } kind = Kind::Any;
  std::map<std::string, std::shared_ptr<const Shape>, std::less<>> fields;  // an object's
  bool open = false;  // an object keyed by the caller (additionalProperties), whose keys are not checked
  std::shared_ptr<const Shape> items;  // a list's
};

namespace {

using Shape = ApiFields::Shape;
using json = nlohmann::json;

// "/pupils/{id}/family/{user}/end" -> "/pupils/{}/family/{}/end": the description and the routes
// may name a path's parameters differently.
std::string unnamed(std::string_view path) {
  std::string out;
  for (std::size_t i = 0; i < path.size(); ++i) {
    out += path[i];
    if (path[i] == '{') {
      const auto close = path.find('}', i);
      if (close == std::string_view::npos) break;
      out += '}';
      i = close;
    }
  }
  return out;
}

class ShapeReader {
 public:
  explicit ShapeReader(const json& description) : description_(description) {}

  std::shared_ptr<const Shape> read(const json& schema, int depth = 0) const {
    auto out = std::make_shared<Shape>();
    if (depth > 16 || !schema.is_object()) return out;
    if (const auto ref = schema.find("$ref"); ref != schema.end() && ref->is_string())
      return read(referenced(ref->get<std::string>()), depth + 1);
    if (const auto parts = schema.find("allOf"); parts != schema.end() && parts->is_array()) {
      for (const auto& part : *parts) merge(*out, *read(part, depth + 1));
      return out;
    }
    const auto type = schema.value("type", std::string());
    if (type == "array") {
      out->kind = Shape::Kind::List;
      out->items = read(schema.value("items", json::object()), depth + 1);
    } else if (type == "object" || schema.contains("properties")) {
      out->kind = Shape::Kind::Object;
      if (const auto properties = schema.find("properties"); properties != schema.end() && properties->is_object())
        for (const auto& [name, property] : properties->items()) out->fields.emplace(name, read(property, depth + 1));
      const auto more = schema.find("additionalProperties");
      out->open = !schema.contains("properties") || (more != schema.end() && *more != false);
    }
    return out;
  }

 private:
  const json& referenced(const std::string& ref) const {
    static const json nothing = json::object();
    const auto at = json::json_pointer(ref.starts_with("#") ? ref.substr(1) : ref);
    return description_.contains(at) ? description_.at(at) : nothing;
  }

  static void merge(Shape& into, const Shape& part) {
    if (part.kind != Shape::Kind::Object) return;
    into.kind = Shape::Kind::Object;
    into.open = into.open || part.open;
    for (const auto& [name, shape] : part.fields) into.fields.emplace(name, shape);
  }

  const json& description_;
};

// Values of another type than the description's are left to the route, which names them with the
// rest of what is wrong with the body.
void check(const Shape& shape, const json& value, const std::string& path, domain::FieldErrors& out) {
  if (shape.kind == Shape::Kind::List && value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i)
      check(*shape.items, value[i], path + "[" + std::to_string(i) + "]", out);
    return;
  }
  if (shape.kind != Shape::Kind::Object || !value.is_object()) return;
  for (const auto& [key, item] : value.items()) {
    const auto at = path.empty() ? key : path + "." + key;
    const auto field = shape.fields.find(key);
    if (field != shape.fields.end())
      check(*field->second, item, at, out);
    else if (!shape.open)
      out.push_back({at, "\"" + key + "\" is not a field this request takes"});
  }
}

}  // namespace

ApiFields::ApiFields(std::string_view openapi_json) {
  const auto description = json::parse(openapi_json, nullptr, false);
  if (description.is_discarded() || !description.is_object())
    throw std::runtime_error("the API description is not JSON");
  if (const auto servers = description.value("servers", json::array()); !servers.empty())
    base_ = servers.front().value("url", std::string());
  const ShapeReader reader(description);
  const auto no_fields = [] {
    auto none = std::make_shared<Shape>();
    none->kind = Shape::Kind::Object;
    return std::shared_ptr<const Shape>(std::move(none));
  }();
  const auto paths = description.find("paths");
  if (paths == description.end() || !paths->is_object()) return;
  for (const auto& [path, operations] : paths->items()) {
    if (!operations.is_object()) continue;
    for (const auto& [method, operation] : operations.items()) {
      if (!operation.is_object()) continue;
      std::string verb;
      for (const char c : method) verb += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      const auto key = verb + " " + unnamed(path);
      const auto body = operation.find("requestBody");
      if (body == operation.end()) {
        bodies_.emplace(key, no_fields);  // takes nothing: any field sent is one it would drop
        continue;
      }
      const auto content = body->value("content", json::object());
      if (const auto as_json = content.find("application/json"); as_json != content.end())
        bodies_.emplace(key, reader.read(as_json->value("schema", json::object())));
    }
  }
}

ApiFields::~ApiFields() = default;
ApiFields::ApiFields(ApiFields&&) noexcept = default;

domain::FieldErrors ApiFields::problems(std::string_view method, std::string_view pattern,
                                        std::string_view body) const {
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos || !pattern.starts_with(base_)) return {};
  const auto shape = bodies_.find(std::string(method) + " " + unnamed(pattern.substr(base_.size())));
  if (shape == bodies_.end()) return {};
  const auto value = json::parse(body, nullptr, false);
  if (value.is_discarded() || !value.is_object()) return {};
  domain::FieldErrors out;
  check(*shape->second, value, "", out);
  return out;
}

}  // namespace waypoint::web
