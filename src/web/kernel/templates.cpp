#include "web/kernel/templates.hpp"

#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>
#include <regex>
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

namespace {

// Partials are written into each template where it names them ({{> input}}), so a template is
// parsed once with its partials instead of each partial being parsed again at every use (a
// register of 30 pupils used two partials a row). A partial may use other partials.
std::string with_partials(std::string text, const std::map<std::string, std::string>& partials) {
  static const std::regex use(R"(\{\{>\s*([a-z_]+)\s*\}\})");
  for (int depth = 0; depth < 8; ++depth) {
    std::smatch m;
    if (!std::regex_search(text, m, use)) return text;
    std::string out;
    auto from = text.cbegin();
    for (std::sregex_iterator it(text.cbegin(), text.cend(), use), end; it != end; ++it) {
      const auto found = partials.find((*it)[1].str());
      if (found == partials.end()) throw std::runtime_error("no partial named " + (*it)[1].str());
      out.append(from, (*it)[0].first);
      out += found->second;
      from = (*it)[0].second;
    }
    out.append(from, text.cend());
    text = std::move(out);
  }
  throw std::runtime_error("partials nested more than 8 deep");
}

}  // namespace

Templates::Templates() {
  const std::string prefix = "templates/";
  const std::string suffix = ".mustache";
  std::map<std::string, std::string> sources, partials;
  for (const auto& [path, content] : embedded::files()) {
    if (path.rfind(prefix, 0) != 0) continue;
    auto name = path.substr(prefix.size(), path.size() - prefix.size() - suffix.size());
    if (name.rfind("partials/", 0) == 0)
      partials[name.substr(9)] = std::string(content);
    else
      sources[name] = std::string(content);
  }
  for (auto& [name, source] : sources) {
    auto whole = with_partials(std::move(source), partials);
    mustache::mustache check{whole};
    if (!check.is_valid()) throw std::runtime_error("template " + name + ": " + check.error_message());
    templates_[name] = std::make_unique<Compiled>(Compiled{std::move(whole)});
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

}  // namespace

const std::string& Templates::source_of(const std::string& name) const {
  auto it = templates_.find(name);
  if (it == templates_.end()) throw std::runtime_error("no template named " + name);
  return it->second->source;
}

std::string Templates::render(const std::string& name, const nlohmann::json& data) const {
  return render_data(name, source_of(name), to_data(data));
}

// The data is converted once for the page and its layout: converting it was a large share of a
// page's time.
std::string Templates::render_page(const std::string& name, nlohmann::json data) const {
  auto d = to_data(data);
  d.set("content", mustache::data{render_data(name, source_of(name), d)});
  return render_data("layout", source_of("layout"), d);
}

}  // namespace waypoint::web
