#include "web/kernel/templates.hpp"

#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "domain/kernel/text_rules.hpp"
#include "store/kernel/embedded.hpp"

namespace waypoint::web {

namespace mustache = kainjow::mustache;

struct Templates::Compiled {
  std::string source;
};

namespace {

mustache::data to_data(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::object: {
      mustache::data d{mustache::data::type::object};
      for (const auto& [k, v] : j.items()) d.set(k, to_data(v));
      return d;
    }
    case nlohmann::json::value_t::array: {
      mustache::data d{mustache::data::type::list};
      for (const auto& v : j) d.push_back(to_data(v));
      return d;
    }
    case nlohmann::json::value_t::string: {
      // Empty text is false, as in other mustache implementations, so {{#hint}} hides an empty hint.
      // Shown through displayable_text, so text stored before the input rules cannot reorder a page.
      const auto& text = j.get_ref<const std::string&>();
      return text.empty() ? mustache::data{false} : mustache::data{domain::displayable_text(text)};
    }
    case nlohmann::json::value_t::boolean:
      return mustache::data{j.get<bool>()};
    case nlohmann::json::value_t::null:
      return mustache::data{false};
    default:
      return mustache::data{j.dump()};
  }
}

}  // namespace

Templates::Templates() {
  const std::string prefix = "templates/";
  const std::string suffix = ".mustache";
  for (const auto& [path, content] : embedded::files()) {
    if (path.rfind(prefix, 0) != 0) continue;
    auto name = path.substr(prefix.size(), path.size() - prefix.size() - suffix.size());
    if (name.rfind("partials/", 0) == 0) {
      partials_[name.substr(9)] = std::string(content);
      continue;
    }
    mustache::mustache check{std::string(content)};
    if (!check.is_valid()) throw std::runtime_error("template " + name + ": " + check.error_message());
    templates_[name] = std::make_unique<Compiled>(Compiled{std::string(content)});
  }
}

Templates::~Templates() = default;

namespace {

// Parsed once per thread: kainjow's render is not const, so a parsed template is not shared.
// Keyed by name: every Templates holds the same sources, the ones compiled into the binary.
std::string render_data(const std::string& name, const std::string& source, const mustache::data& d) {
  thread_local std::map<std::string, std::unique_ptr<mustache::mustache>> cache;
  auto& slot = cache[name];
  if (!slot) slot = std::make_unique<mustache::mustache>(source);
  auto out = slot->render(d);
  if (!slot->is_valid()) throw std::runtime_error("template " + name + ": " + slot->error_message());
  return out;
}

mustache::data page_data(const std::map<std::string, std::string>& partials, const nlohmann::json& data) {
  // Partials share the data's namespace in mustache: a data key named like one would hide it.
  for (const auto& [pname, source] : partials)
    if (data.contains(pname)) throw std::runtime_error("template data key '" + pname + "' is the name of a partial");
  auto d = to_data(data);
  for (const auto& [pname, source] : partials) {
    const std::string* text = &source;
    d.set(pname, mustache::data{mustache::partial{[text] { return *text; }}});
  }
  return d;
}

}  // namespace

const std::string& Templates::source_of(const std::string& name) const {
  auto it = templates_.find(name);
  if (it == templates_.end()) throw std::runtime_error("no template named " + name);
  return it->second->source;
}

std::string Templates::render(const std::string& name, const nlohmann::json& data) const {
  return render_data(name, source_of(name), page_data(partials_, data));
}

// The data is converted once for the page and its layout: converting it was a large share of a
// page's time.
std::string Templates::render_page(const std::string& name, nlohmann::json data) const {
  auto d = page_data(partials_, data);
  d.set("content", mustache::data{render_data(name, source_of(name), d)});
  return render_data("layout", source_of("layout"), d);
}

}  // namespace waypoint::web
