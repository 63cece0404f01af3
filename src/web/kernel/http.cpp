#include "web/kernel/http.hpp"

#include <cctype>

namespace waypoint::web {
namespace {

std::string lookup(const std::map<std::string, std::string>& m, const std::string& key) {
  auto it = m.find(key);
  return it == m.end() ? std::string() : it->second;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string Request::header(const std::string& lower_name) const { return lookup(headers, lower_name); }
std::string Request::field(const std::string& name) const { return lookup(form, name); }
std::vector<std::string> Request::fields(const std::string& name) const {
  std::vector<std::string> out;
  auto [from, to] = form_values.equal_range(name);
  for (auto it = from; it != to; ++it) out.push_back(it->second);
  return out;
}

const UploadedFile* Request::file(const std::string& name) const {
  for (const auto& f : files)
    if (f.field == name && !f.filename.empty()) return &f;
  return nullptr;
}

std::string Request::query_value(const std::string& name) const { return lookup(query, name); }

Response Response::redirect(const std::string& location, int status) {
  Response r;
  r.status = status;
  r.headers.emplace_back("Location", location);
  return r;
}

Response Response::json(int status, std::string body) { return text(status, std::move(body), "application/json"); }

Response Response::download(std::string body, std::string content_type, const std::string& filename) {
  auto res = text(200, std::move(body), std::move(content_type));
  res.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  return res;
}

Response Response::text(int status, std::string body, std::string content_type) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  r.content_type = std::move(content_type);
  return r;
}

void Response::set_cookie(const std::string& name, const std::string& value, const std::string& attributes) {
  headers.emplace_back("Set-Cookie", name + "=" + value + "; " + attributes);
}

std::string url_decode(const std::string& s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+' && plus_is_space) {
      out += ' ';
    } else if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string url_encode(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::multimap<std::string, std::string> parse_url_encoded_all(const std::string& s) {
  std::multimap<std::string, std::string> out;
  std::size_t pos = 0;
  while (pos <= s.size()) {
    auto end = s.find('&', pos);
    if (end == std::string::npos) end = s.size();
    const auto pair = s.substr(pos, end - pos);
    if (!pair.empty()) {
      const auto eq = pair.find('=');
      out.emplace(url_decode(pair.substr(0, eq)),
                  eq == std::string::npos ? std::string() : url_decode(pair.substr(eq + 1)));
    }
    pos = end + 1;
  }
  return out;
}

std::map<std::string, std::string> parse_url_encoded(const std::string& s) {
  std::map<std::string, std::string> out;
  for (auto& [k, v] : parse_url_encoded_all(s)) out.emplace(k, v);  // the first of repeated fields wins
  return out;
}

std::map<std::string, std::string> parse_cookies(const std::string& header) {
  std::map<std::string, std::string> out;
  std::size_t pos = 0;
  while (pos < header.size()) {
    auto end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    auto part = header.substr(pos, end - pos);
    const auto b = part.find_first_not_of(' ');
    if (b != std::string::npos) {
      part = part.substr(b);
      const auto eq = part.find('=');
      if (eq != std::string::npos) out.emplace(part.substr(0, eq), part.substr(eq + 1));
    }
    pos = end + 1;
  }
  return out;
}

}  // namespace waypoint::web
