#include "web/kernel/multipart.hpp"

#include <algorithm>
#include <cctype>

namespace waypoint::web {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// The value of `name="..."` (or unquoted) within a header such as Content-Disposition.
std::optional<std::string> header_parameter(const std::string& header, const std::string& name) {
  const auto l = lower(header);
  std::size_t pos = 0;
  while ((pos = l.find(name + "=", pos)) != std::string::npos) {
    // A whole parameter name only: "filename=" must not match when looking for "name=".
    if (pos > 0 && l[pos - 1] != ';' && l[pos - 1] != ' ') {
      pos += name.size();
      continue;
    }
    auto start = pos + name.size() + 1;
    if (start < header.size() && header[start] == '"') {
      const auto end = header.find('"', start + 1);
      if (end == std::string::npos) return std::nullopt;
      return header.substr(start + 1, end - start - 1);
    }
    const auto end = header.find(';', start);
    auto value = header.substr(start, end == std::string::npos ? std::string::npos : end - start);
    while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back()))) value.pop_back();
    return value;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> multipart_boundary(const std::string& content_type) {
  if (lower(content_type).rfind("multipart/form-data", 0) != 0) return std::nullopt;
  auto b = header_parameter(content_type, "boundary");
  if (!b || b->empty() || b->size() > 200) return std::nullopt;
  return b;
}

bool parse_multipart(const std::string& body, const std::string& boundary, Request& request) {
  const std::string delimiter = "--" + boundary;
  auto pos = body.find(delimiter);
  if (pos == std::string::npos) return false;
  for (;;) {
    pos += delimiter.size();
    if (body.compare(pos, 2, "--") == 0) return true;  // the closing delimiter
    if (body.compare(pos, 2, "\r\n") != 0) return false;
    pos += 2;
    const auto headers_end = body.find("\r\n\r\n", pos);
    if (headers_end == std::string::npos) return false;
    const auto headers = body.substr(pos, headers_end - pos);
    const auto content_start = headers_end + 4;
    const auto next = body.find("\r\n" + delimiter, content_start);
    if (next == std::string::npos) return false;
    std::string disposition, content_type;
    std::size_t line_start = 0;
    while (line_start <= headers.size()) {
      auto line_end = headers.find("\r\n", line_start);
      if (line_end == std::string::npos) line_end = headers.size();
      const auto line = headers.substr(line_start, line_end - line_start);
      const auto colon = line.find(':');
      if (colon != std::string::npos) {
        const auto name = lower(line.substr(0, colon));
        auto value = line.substr(colon + 1);
        value.erase(0, value.find_first_not_of(' '));
        if (name == "content-disposition") disposition = value;
        if (name == "content-type") content_type = value;
      }
      line_start = line_end + 2;
    }
    const auto name = header_parameter(disposition, "name");
    if (!name) return false;
    auto content = body.substr(content_start, next - content_start);
    if (const auto filename = header_parameter(disposition, "filename")) {
      // Only the last path segment: some browsers send the whole local path.
      auto base = *filename;
      if (auto slash = base.find_last_of("/\\"); slash != std::string::npos) base = base.substr(slash + 1);
      request.files.push_back({*name, base, content_type, std::move(content)});
    } else {
      request.form_values.emplace(*name, content);
      request.form.emplace(*name, std::move(content));
    }
    pos = next + 2;
  }
}

}  // namespace waypoint::web
