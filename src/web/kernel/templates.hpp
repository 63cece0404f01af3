#pragma once
// Mustache templates compiled into the binary. Data is JSON: objects, lists, strings, numbers,
// booleans. Partials live in templates/partials/ and are used as {{> name}}: each is written into the
// templates that use it when they are loaded.
#include <map>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <string>

namespace waypoint::web {

// `text` with each {{> name}} replaced by that partial, partials inside partials too (at most
// eight deep); a partial that does not exist is an error naming it.
std::string with_partials(std::string text, const std::map<std::string, std::string, std::less<>>& partials);

class Templates {
 public:
  Templates();
  ~Templates();
  std::string render(const std::string& name, const nlohmann::json& data) const;
  // The page `name` inside the layout.
  std::string render_page(const std::string& name, const nlohmann::json& data) const;

 private:
  struct Compiled;
  const Compiled& compiled(const std::string& name) const;

  std::map<std::string, std::unique_ptr<Compiled>> templates_;
};

}  // namespace waypoint::web
