#include "web/kernel/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace waypoint::web {
namespace {

std::string content_type(const std::filesystem::path& p) {
  static const std::map<std::string, std::string> types{{".css", "text/css"},          {".js", "text/javascript"},
                                                        {".mjs", "text/javascript"},   {".svg", "image/svg+xml"},
                                                        {".png", "image/png"},         {".ico", "image/x-icon"},
                                                        {".woff2", "font/woff2"},      {".woff", "font/woff"},
                                                        {".json", "application/json"}, {".map", "application/json"}};
  auto it = types.find(p.extension().string());
  return it == types.end() ? "application/octet-stream" : it->second;
}

}  // namespace

std::optional<Response> serve_static(const std::string& assets_dir, const std::string& path) {
  if (path.rfind("/static/", 0) != 0 && path.rfind("/assets/", 0) != 0) return std::nullopt;
  Response r;
  // No "..", no hidden files: only what the build put in the folder can be served.
  if (path.find("..") != std::string::npos || path.find("/.") != std::string::npos) {
    r.status = 404;
    r.body = "Not found\n";
    r.content_type = "text/plain";
    return r;
  }
  const auto file = std::filesystem::path(assets_dir) / path.substr(1);
  std::ifstream in(file, std::ios::binary);
  if (!in || std::filesystem::is_directory(file)) {
    r.status = 404;
    r.body = "Not found\n";
    r.content_type = "text/plain";
    return r;
  }
  std::ostringstream body;
  body << in.rdbuf();
  r.body = body.str();
  r.content_type = content_type(file);
  r.headers.emplace_back("Cache-Control", "public, max-age=3600");
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  return r;
}

}  // namespace waypoint::web
