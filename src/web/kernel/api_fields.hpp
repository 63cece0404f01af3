#pragma once
// The fields each JSON API request takes, read from the published description
// (resources/openapi.json): a body naming a field its operation does not take, at any depth, is
// refused with each such field named, so nothing a caller sends is silently dropped and the
// description is the API's own contract.
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "domain/kernel/field_error.hpp"

namespace waypoint::web {

class ApiFields {
 public:
  // Throws std::runtime_error if the description is not JSON.
  explicit ApiFields(std::string_view openapi_json);
  ~ApiFields();
  ApiFields(ApiFields&&) noexcept;

  // The problems with `body` for `method` at the route `pattern` ("/api/v1/pupils/{id}"), each
  // named by its path in the body ("marks[2].note"). Nothing for a body that is not a JSON object
  // (the route's own reading names that), for an operation the description does not have, or for
  // one whose body is not JSON (an import's CSV).
  domain::FieldErrors problems(std::string_view method, std::string_view pattern, std::string_view body) const;

  struct Shape;

 private:
  std::string base_;                                            // the servers' URL: "/api/v1"
  std::map<std::string, std::shared_ptr<const Shape>> bodies_;  // "POST /pupils/{}" -> its body's shape
};

}  // namespace waypoint::web
