#include "web/kernel/json_body.hpp"

#include <nlohmann/json.hpp>

#include "app/kernel/errors.hpp"
#include "domain/kernel/numbers.hpp"
#include "domain/kernel/text.hpp"
#include "domain/kernel/text_rules.hpp"

namespace waypoint::web {

nlohmann::json json_body(const Request& req) {
  auto body = nlohmann::json::parse(req.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) throw app::Invalid("body", "The body must be a JSON object");
  return body;
}

namespace {

[[noreturn]] void wrong_type(const char* key, const char* expected) {
  throw app::Invalid(key, domain::field_label(key) + " must be " + expected);
}

bool present(const nlohmann::json& body, const char* key) {
  return body.is_object() && body.contains(key) && !body[key].is_null();
}

}  // namespace

std::string text_of(const nlohmann::json& body, const char* key) {
  if (!present(body, key)) return {};
  const auto& v = body[key];
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  if (v.is_number()) return v.dump();
  if (v.is_array()) {
    std::string out;
    for (const auto& x : v) {
      if (!x.is_string()) wrong_type(key, "text, or a list of text");
      out += (out.empty() ? "" : ", ") + x.get<std::string>();
    }
    return out;
  }
  wrong_type(key, "text");
}

std::vector<std::string> list_of(const nlohmann::json& body, const char* key) {
  std::vector<std::string> out;
  if (!present(body, key)) return out;
  if (!body[key].is_array()) wrong_type(key, "a list");
  for (const auto& x : body[key]) {
    if (x.is_string())
      out.push_back(x.get<std::string>());
    else if (x.is_number_integer())
      out.push_back(std::to_string(x.get<long long>()));
    else
      wrong_type(key, "a list of text");
  }
  return out;
}

bool flag_of(const nlohmann::json& body, const char* key) {
  if (!present(body, key)) return false;
  if (!body[key].is_boolean()) wrong_type(key, "true or false");
  return body[key].get<bool>();
}

BodyReader::BodyReader(nlohmann::json body)
    : root_(std::make_shared<const nlohmann::json>(std::move(body))),
      value_(root_.get()),
      problems_(std::make_shared<std::vector<std::pair<std::string, std::string>>>()) {
  if (!value_->is_object()) problems_->push_back({"body", "The body must be a JSON object"});
}

BodyReader::BodyReader(std::shared_ptr<const nlohmann::json> root, const nlohmann::json& value, std::string path)
    : root_(std::move(root)), value_(&value), path_(std::move(path)) {}

std::string BodyReader::at(const char* key) const { return path_.empty() ? key : path_ + "." + key; }

const nlohmann::json* BodyReader::find(const char* key) const {
  if (!value_->is_object() || !value_->contains(key) || (*value_)[key].is_null()) return nullptr;
  return &(*value_)[key];
}

std::string BodyReader::text(const char* key, const char* required_message) {
  const auto* v = find(key);
  std::string out;
  if (v && v->is_string())
    out = v->get<std::string>();
  else if (v && v->is_number_integer())
    out = std::to_string(v->get<long long>());
  else if (v && v->is_number())
    out = v->dump();
  else if (v)
    problems_->push_back({at(key), domain::field_label(key) + " must be text"});
  if (required_message && domain::trimmed(out).empty() && (!v || v->is_string() || v->is_number()))
    problems_->push_back({at(key), required_message});
  return out;
}

std::int64_t BodyReader::id(const char* key, const char* required_message) {
  const auto* v = find(key);
  if (!v) {
    problems_->push_back({at(key), required_message});
    return 0;
  }
  std::optional<long long> n;
  if (v->is_number_integer()) n = v->get<long long>();
  if (v->is_string()) n = domain::parse_whole_number(domain::trimmed(v->get<std::string>()));
  if (!n || *n <= 0) {
    problems_->push_back({at(key), domain::field_label(key) + " must be a whole number, like 42"});
    return 0;
  }
  return *n;
}

std::vector<BodyReader> BodyReader::objects(const char* key, const char* required_message) {
  std::vector<BodyReader> out;
  const auto* v = find(key);
  if (!v || (v->is_array() && v->empty())) {
    problems_->push_back({at(key), required_message});
    return out;
  }
  if (!v->is_array()) {
    problems_->push_back({at(key), domain::field_label(key) + " must be a list"});
    return out;
  }
  for (std::size_t i = 0; i < v->size(); ++i) {
    BodyReader item(root_, (*v)[i], at(key) + "[" + std::to_string(i) + "]");
    item.problems_ = problems_;  // one list for the whole body
    if (!(*v)[i].is_object()) problems_->push_back({item.path_, "Each entry must be a JSON object"});
    out.push_back(std::move(item));
  }
  return out;
}

void BodyReader::finish() const {
  if (problems_->empty()) return;
  domain::FieldErrors errors;
  for (const auto& [field, message] : *problems_) errors.push_back({field, message});
  throw app::Invalid(std::move(errors));
}

Response created(std::int64_t id) { return Response::json(201, nlohmann::json{{"id", id}}.dump()); }

}  // namespace waypoint::web
