#include "web/kernel/templates.hpp"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string_view>
#include <utility>

#include "store/kernel/embedded.hpp"
#include "web/kernel/mustache.hpp"

namespace waypoint::web {

struct Templates::Compiled {
  mustache::Template parsed;
  // The size of its last page, which the next starts with room for: a register page grew its
  // buffer two or three times, copying what it had each time.
  mutable std::atomic<std::size_t> last_size{0};
};

namespace {

// Where `text` names a partial at `at` ("{{>", spaces, a name of a-z and _, spaces, "}}"): the
// name and the end of the tag, or an empty name. Scanned by hand: std::regex took a noticeable part
// of every start of the sanitizer build, which the suites start some hundreds of times.
std::pair<std::string_view, std::size_t> partial_at(std::string_view text, std::size_t at) {
  auto i = at + 3;
  const auto spaces = [&] {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  };
  spaces();
  const auto name_from = i;
  while (i < text.size() && ((text[i] >= 'a' && text[i] <= 'z') || text[i] == '_')) ++i;
  const auto name = text.substr(name_from, i - name_from);
  spaces();
  if (name.empty() || text.substr(i, 2) != "}}") return {{}, 0};
  return {name, i + 2};
}

}  // namespace

// Partials are written into each template where it names them ({{> input}}), so a template is
// parsed once with its partials instead of each partial being parsed again at every use (a
// register of 30 pupils used two partials a row). A partial may use other partials.
std::string with_partials(std::string text, const std::map<std::string, std::string, std::less<>>& partials) {
  for (int depth = 0; depth < 8; ++depth) {
    std::string out;
    std::size_t from = 0;  // the end of the last partial's tag written in: 0 while none has been
    for (auto at = text.find("{{>"); at != std::string::npos;) {
      const auto [name, end] = partial_at(text, at);
      if (name.empty()) {
        at = text.find("{{>", at + 3);
        continue;
      }
      const auto found = partials.find(name);
      if (found == partials.end()) throw std::runtime_error("no partial named " + std::string(name));
      out.append(text, from, at - from);
      out += found->second;
      from = end;
      at = text.find("{{>", end);
    }
    if (from == 0) return text;
    out.append(text, from);
    text = std::move(out);
  }
  throw std::runtime_error("partials nested more than 8 deep");
}

Templates::Templates() {
  const std::string prefix = "templates/";
  const std::string suffix = ".mustache";
  std::map<std::string, std::string> sources;
  std::map<std::string, std::string, std::less<>> partials;
  for (const auto& [path, content] : embedded::files()) {
    if (path.rfind(prefix, 0) != 0) continue;
    auto name = path.substr(prefix.size(), path.size() - prefix.size() - suffix.size());
    if (name.rfind("partials/", 0) == 0)
      partials[name.substr(9)] = std::string(content);
    else
      sources[name] = std::string(content);
  }
  for (auto& [name, source] : sources) {
    try {
      templates_[name] = std::make_unique<Compiled>(mustache::Template(with_partials(std::move(source), partials)));
    } catch (const std::runtime_error& e) {
      throw std::runtime_error("template " + name + ": " + e.what());
    }
  }
}

Templates::~Templates() = default;

const Templates::Compiled& Templates::compiled(const std::string& name) const {
  auto it = templates_.find(name);
  if (it == templates_.end()) throw std::runtime_error("no template named " + name);
  return *it->second;
}

std::string Templates::render(const std::string& name, const nlohmann::json& data) const {
  std::string out;
  compiled(name).parsed.render(data, out);
  return out;
}

// The layout, with the page written into it where it names its content.
std::string Templates::render_page(const std::string& name, const nlohmann::json& data) const {
  const auto& page = compiled(name);
  const auto& layout = compiled("layout");
  std::string out;
  out.reserve(std::max<std::size_t>(16 * 1024, page.last_size.load(std::memory_order_relaxed) + 1024));
  const mustache::Raw content{"content", [&](std::string& o) { page.parsed.render(data, o); }};
  layout.parsed.render(data, out, &content);
  page.last_size.store(out.size(), std::memory_order_relaxed);
  return out;
}

}  // namespace waypoint::web
