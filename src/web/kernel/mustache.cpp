#include "web/kernel/mustache.hpp"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>

#include "domain/kernel/text.hpp"
#include "domain/kernel/text_rules.hpp"

namespace waypoint::web::mustache {

using nlohmann::json;

struct Template::Node {
  enum class Kind { Text, Escaped, Unescaped, Section, Inverted };
  Kind kind = Kind::Text;
  std::string text;               // Text: the text; otherwise the name as written, for errors
  std::vector<std::string> path;  // the name split at its dots; empty for {{.}}
  std::vector<Node> children;     // Section and Inverted
};

namespace {

using Node = Template::Node;

struct Tag {
  std::size_t begin = 0, end = 0;  // [begin, end) in the source, braces included
  char sigil = 0;                  // '#', '^', '/', '!', '&', '{' or 0 for a plain variable
  std::string name;
};

std::size_t line_of(std::string_view source, std::size_t at) {
  std::size_t line = 1;
  for (std::size_t i = 0; i < at && i < source.size(); ++i) line += source[i] == '\n';
  return line;
}

[[noreturn]] void fail(std::string_view source, std::size_t at, const std::string& what) {
  throw std::runtime_error(what + " on line " + std::to_string(line_of(source, at)));
}

// The next tag at or after `from`, or nothing.
std::optional<Tag> next_tag(std::string_view source, std::size_t from) {
  const auto open = source.find("{{", from);
  if (open == std::string_view::npos) return std::nullopt;
  Tag t;
  t.begin = open;
  std::size_t inner = open + 2;
  std::string_view close = "}}";
  if (inner < source.size() && source[inner] == '{') {
    t.sigil = '{';
    ++inner;
    close = "}}}";
  }
  const auto shut = source.find(close, inner);
  if (shut == std::string_view::npos) fail(source, open, "a tag is not closed");
  auto body = domain::trimmed(source.substr(inner, shut - inner));
  if (t.sigil == 0 && !body.empty() && std::string_view("#^/!&>=").find(body.front()) != std::string_view::npos) {
    t.sigil = body.front();
    body = domain::trimmed(std::string_view(body).substr(1));
  }
  if (t.sigil == '>') fail(source, open, "partial {{> " + body + "}} was not written in");
  if (t.sigil == '=') fail(source, open, "changing the delimiters is not supported");
  t.name = std::move(body);
  t.end = shut + close.size();
  return t;
}

bool stands_alone(char sigil) { return sigil == '#' || sigil == '^' || sigil == '/' || sigil == '!'; }

// Lines holding only section tags and comments (and blanks) are left out of the output, their tags
// kept: the specification's "standalone" lines, so a template's layout does not add blank lines.
std::string without_standalone_lines(std::string_view source) {
  std::string out;
  out.reserve(source.size());
  std::size_t start = 0;
  while (start < source.size()) {
    auto end = source.find('\n', start);
    const bool has_newline = end != std::string_view::npos;
    if (!has_newline) end = source.size();
    const auto line = source.substr(start, end - start);
    std::string tags;
    bool alone = true, any = false;
    std::size_t at = 0;
    while (alone) {
      const auto tag = next_tag(line, at);
      const auto text = line.substr(at, tag ? tag->begin - at : std::string_view::npos);
      for (char ch : text) alone = alone && (ch == ' ' || ch == '\t' || ch == '\r');
      if (!tag) break;
      alone = alone && stands_alone(tag->sigil);
      any = true;
      tags.append(line.substr(tag->begin, tag->end - tag->begin));
      at = tag->end;
    }
    if (alone && any) {
      out += tags;
    } else {
      out.append(line);
      if (has_newline) out += '\n';
    }
    start = end + 1;
  }
  return out;
}

std::vector<std::string> path_of(const std::string& name) {
  std::vector<std::string> out;
  if (name == ".") return out;
  std::size_t from = 0;
  while (true) {
    const auto dot = name.find('.', from);
    out.push_back(name.substr(from, dot == std::string::npos ? std::string::npos : dot - from));
    if (dot == std::string::npos) return out;
    from = dot + 1;
  }
}

std::vector<Node> parse(std::string_view source) {
  struct Open {
    std::vector<Node> nodes;
    std::string name;
    std::size_t at = 0;
    Node::Kind kind = Node::Kind::Section;
  };
  std::vector<Open> open(1);
  std::size_t at = 0;
  auto text = [&](std::string_view t) {
    if (t.empty()) return;
    auto& nodes = open.back().nodes;
    if (!nodes.empty() && nodes.back().kind == Node::Kind::Text)
      nodes.back().text.append(t);
    else
      nodes.push_back(Node{Node::Kind::Text, std::string(t), {}, {}});
  };
  while (auto tag = next_tag(source, at)) {
    text(source.substr(at, tag->begin - at));
    at = tag->end;
    if (tag->name.empty() && tag->sigil != '!') fail(source, tag->begin, "a tag has no name");
    switch (tag->sigil) {
      case '!':
        break;
      case '#':
      case '^':
        open.push_back({{}, tag->name, tag->begin, tag->sigil == '#' ? Node::Kind::Section : Node::Kind::Inverted});
        break;
      case '/': {
        if (open.size() == 1) fail(source, tag->begin, "{{/" + tag->name + "}} closes no section");
        if (open.back().name != tag->name)
          fail(source, tag->begin, "{{/" + tag->name + "}} closes {{#" + open.back().name + "}}");
        auto done = std::move(open.back());
        open.pop_back();
        open.back().nodes.push_back(Node{done.kind, done.name, path_of(done.name), std::move(done.nodes)});
        break;
      }
      default: {
        const auto kind = tag->sigil == 0 ? Node::Kind::Escaped : Node::Kind::Unescaped;
        open.back().nodes.push_back(Node{kind, tag->name, path_of(tag->name), {}});
      }
    }
  }
  text(source.substr(at));
  if (open.size() > 1) fail(source, open.back().at, "{{#" + open.back().name + "}} is not closed");
  return std::move(open.front().nodes);
}

// What each byte asks of escaped text: nothing, an entity, or the slow way round (a control
// character or a byte past ASCII, which domain::displayable_text decides about).
enum class ByteNeeds : unsigned char { Nothing, Entity, Check };

constexpr std::array<ByteNeeds, 256> byte_needs() {
  std::array<ByteNeeds, 256> needs{};
  for (int b = 0; b < 256; ++b)
    needs[static_cast<std::size_t>(b)] =
        domain::plain_byte(static_cast<char>(b)) ? ByteNeeds::Nothing : ByteNeeds::Check;
  for (const char ch : {'&', '<', '>', '"', '\''}) needs[static_cast<unsigned char>(ch)] = ByteNeeds::Entity;
  return needs;
}
constexpr auto kByteNeeds = byte_needs();

std::string_view entity_of(char ch) {
  switch (ch) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return "&quot;";
    default:
      return "&apos;";
  }
}

// Appends `s` escaped for HTML and answers true; with `only_plain`, text that is not plain
// (domain::plain_text) is left for the caller to make displayable first, nothing is appended and
// the answer is false. One pass: the check and the escaping each went over the text once, a tenth
// of a register page's rendering between them.
bool append_escaped_text(std::string& out, std::string_view s, bool only_plain) {
  std::size_t from = 0;
  const auto size_before = out.size();
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto needs = kByteNeeds[static_cast<unsigned char>(s[i])];
    if (needs == ByteNeeds::Nothing) continue;
    if (needs == ByteNeeds::Check) {
      if (!only_plain) continue;
      out.resize(size_before);
      return false;
    }
    out.append(s.substr(from, i - from));
    out.append(entity_of(s[i]));
    from = i + 1;
  }
  out.append(s.substr(from));
  return true;
}

void append_escaped(std::string& out, std::string_view s) {
  if (!append_escaped_text(out, s, true)) append_escaped_text(out, domain::displayable_text(s), false);
}

// A name looked for among an object's keys. A page looks up thousands of names, most of them in
// objects that do not hold them (a row's, before the page's), and the keys mostly differ in their
// first letters: compared here a letter at a time, where std::string's comparison called memcmp for
// each key passed, which with the search itself was a fifth of a register page's instructions.
struct Name {
  std::string_view text;
};

bool before(std::string_view a, std::string_view b) {
  const auto n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i)
    if (a[i] != b[i]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[i]);
  return a.size() < b.size();
}
bool operator<(const std::string& key, Name name) { return before(key, name.text); }
bool operator<(Name name, const std::string& key) { return before(name.text, key); }

// The member of `value` called `name`, or null when `value` is not an object or has no such member.
const json* member(const json& value, std::string_view name) {
  const auto* object = value.get_ptr<const json::object_t*>();
  if (!object) return nullptr;
  const auto f = object->find(Name{name});
  return f == object->end() ? nullptr : &f->second;
}

struct Renderer {
  std::string& out;
  const Raw* raw;
  std::vector<const json*> stack;

  const json* lookup(const std::vector<std::string>& path) const {
    if (path.empty()) return stack.back();
    const json* found = nullptr;
    for (auto it = stack.rbegin(); it != stack.rend() && !found; ++it) found = member(**it, path.front());
    for (std::size_t i = 1; found && i < path.size(); ++i) found = member(*found, path[i]);
    return found;
  }

  static bool truthy(const json* v) {
    if (!v) return false;
    switch (v->type()) {
      case json::value_t::null:
        return false;
      case json::value_t::boolean:
        return v->get<bool>();
      case json::value_t::string:
        return !v->get_ref<const std::string&>().empty();
      case json::value_t::array:
        return !v->empty();
      default:
        return true;
    }
  }

  void variable(const Node& n) {
    if (raw && n.path.size() == 1 && n.path.front() == raw->name) {
      raw->write(out);
      return;
    }
    const json* v = lookup(n.path);
    if (!v) return;
    if (v->is_string()) {
      // Shown through displayable_text, so text stored before the input rules cannot reorder a page.
      const auto& s = v->get_ref<const std::string&>();
      if (n.kind == Node::Kind::Escaped)
        append_escaped(out, s);
      else if (domain::plain_text(s))
        out.append(s);
      else
        out.append(domain::displayable_text(s));
    } else if (v->is_number()) {
      out += v->dump();
    }
  }

  void nodes(const std::vector<Node>& list) {
    for (const auto& n : list) {
      switch (n.kind) {
        case Node::Kind::Text:
          out.append(n.text);
          break;
        case Node::Kind::Escaped:
        case Node::Kind::Unescaped:
          variable(n);
          break;
        case Node::Kind::Inverted:
          if (!truthy(lookup(n.path))) nodes(n.children);
          break;
        case Node::Kind::Section: {
          const json* v = lookup(n.path);
          if (!truthy(v)) break;
          if (v->is_array()) {
            for (const auto& item : *v) within(item, n.children);
          } else {
            within(*v, n.children);
          }
        }
      }
    }
  }

  void within(const json& context, const std::vector<Node>& list) {
    stack.push_back(&context);
    nodes(list);
    stack.pop_back();
  }
};

}  // namespace

Template::Template(std::string_view source) : nodes_(parse(without_standalone_lines(source))) {}
Template::~Template() = default;
Template::Template(Template&&) noexcept = default;
Template& Template::operator=(Template&&) noexcept = default;

void Template::render(const json& data, std::string& out, const Raw* raw) const {
  Renderer r{out, raw, {&data}};
  r.stack.reserve(8);
  r.nodes(nodes_);
}

}  // namespace waypoint::web::mustache
