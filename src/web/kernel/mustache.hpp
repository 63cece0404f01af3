#pragma once
// Mustache rendered straight from the JSON the presenters make. The pages used kainjow's renderer,
// which reads only its own data type: every page copied its JSON into that type and then looked each
// name up through a per-character line buffer, and together they were half of a 30-pupil register
// page's time. This renders the subset the templates use: variables ({{name}}, {{{name}}}, {{&name}}),
// dotted names, {{.}}, sections and inverted sections, comments, and lines that hold only section tags
// and comments left out of the output, as the mustache specification has it. Partials are written into
// templates before they get here (templates.cpp).
#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace waypoint::web::mustache {

// HTML written as it is, without escaping, where a template names it, whatever a JSON field of that
// name holds: the page inside the layout, written straight into the layout's output by `write` (a
// register page is some 80 kB: rendered apart, it was one more block of that size to allocate, copy
// and free on every request).
struct Raw {
  std::string_view name;
  std::function<void(std::string& out)> write;
};

class Template {
 public:
  // Throws std::runtime_error naming the line of an unclosed, unopened or mismatched tag.
  explicit Template(std::string_view source);
  ~Template();
  Template(Template&&) noexcept;
  Template& operator=(Template&&) noexcept;

  // Text is shown through domain::displayable_text and escaped for HTML; empty text, null, false and
  // empty lists are false; numbers are shown as JSON writes them and are true, zero included.
  void render(const nlohmann::json& data, std::string& out, const Raw* raw = nullptr) const;

  struct Node;

 private:
  std::vector<Node> nodes_;
};

}  // namespace waypoint::web::mustache
