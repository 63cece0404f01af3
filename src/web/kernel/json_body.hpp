#pragma once
// Reading API request bodies: the same forms the pages post, as JSON objects.
#include <cstdint>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "web/kernel/http.hpp"

namespace waypoint::web {

// The request body as a JSON object; a body that is not one is a 422 naming "body".
nlohmann::json json_body(const Request& req);
// A value as the form would carry it: a string, a number, or (for comma-separated fields) an array
// of strings joined with ", ". Missing or null reads as empty, so the rules name it when it is
// needed; a value of another type (true, an object) is refused as a 422 naming the field, never
// dropped.
std::string text_of(const nlohmann::json& body, const char* key);
// An array of strings (or whole numbers); missing or null is empty; anything else is refused.
std::vector<std::string> list_of(const nlohmann::json& body, const char* key);
// true or false; missing or null is false; anything else ("true", 1) is refused.
bool flag_of(const nlohmann::json& body, const char* key);

// Reads a body whose shape matters, collecting every problem before refusing it: required fields,
// types, and the elements of arrays, each named by its path ("marks[2].pupil_id").
class BodyReader {
 public:
  explicit BodyReader(nlohmann::json body);
  // Text (or a number, as text); `message` when missing or empty, if given.
  std::string text(const char* key, const char* required_message = nullptr);
  // A whole number above zero, given as a number or as digits.
  std::int64_t id(const char* key, const char* required_message);
  // The elements of an array of objects, each read by its own reader; `message` when missing or empty.
  std::vector<BodyReader> objects(const char* key, const char* required_message);
  // Throws Invalid with every problem found by this reader and those it made.
  void finish() const;

 private:
  BodyReader(std::shared_ptr<const nlohmann::json> root, const nlohmann::json& value, std::string path);
  std::string at(const char* key) const;
  const nlohmann::json* find(const char* key) const;
  std::shared_ptr<const nlohmann::json> root_;  // the whole body, which every element points into
  const nlohmann::json* value_;
  std::string path_;
  std::shared_ptr<std::vector<std::pair<std::string, std::string>>> problems_;
};

// 201 with {"id": id}.
Response created(std::int64_t id);

}  // namespace waypoint::web
