#pragma once
// Every typed value that reaches the server, from a form or a JSON body, checked against the one
// table of text rules before any handler sees it: nothing too long, no control characters in a
// one-line field, nothing that reverses the text around it.
#include "domain/kernel/field_error.hpp"
#include "web/kernel/http.hpp"

namespace waypoint::web {

// The problems with the request's form fields or JSON strings, each named by its field (a JSON value
// inside an array or object by its path, like "marks[2].absence_code").
domain::FieldErrors text_problems(const Request& request);

}  // namespace waypoint::web
