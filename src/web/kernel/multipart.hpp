#pragma once
// multipart/form-data bodies (RFC 7578): the fields of a form that uploads files.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "web/kernel/http.hpp"

namespace waypoint::web {

// The boundary named in a Content-Type header, or nothing if it is not multipart/form-data.
std::optional<std::string> multipart_boundary(const std::string& content_type);

// Fills request.form, request.form_values and request.files from a multipart body; false if the
// body is not well formed.
bool parse_multipart(const std::string& body, const std::string& boundary, Request& request);

}  // namespace waypoint::web
