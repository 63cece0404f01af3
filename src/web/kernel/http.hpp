#pragma once
// The server's own request and response: handlers never see Poco, so they compile fast and can be
// exercised without a socket.
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace waypoint::web {

struct UploadedFile {
  std::string field;
  std::string filename;
  std::string content_type;
  std::string data;
};

struct Request {
  std::string method;
  std::string path;
  std::string query_string;
  std::map<std::string, std::string> headers;  // names in lower case
  std::map<std::string, std::string> cookies;
  std::map<std::string, std::string> query;
  std::map<std::string, std::string> form;              // application/x-www-form-urlencoded bodies: first of each name
  std::multimap<std::string, std::string> form_values;  // every value, for checkboxes
  std::vector<UploadedFile> files;                      // from multipart/form-data bodies
  std::string body;
  std::string client;
  std::map<std::string, std::string> params;  // from the route pattern

  std::string header(const std::string& lower_name) const;
  std::string field(const std::string& name) const;                // form field, or empty
  std::vector<std::string> fields(const std::string& name) const;  // every value of a form field
  std::string query_value(const std::string& name) const;
  const UploadedFile* file(const std::string& field) const;  // nothing if no file was chosen
};

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;

  static Response redirect(const std::string& location, int status = 303);
  static Response json(int status, std::string body);
  static Response text(int status, std::string body, std::string content_type = "text/plain; charset=utf-8");
  // A file the browser saves as `filename` rather than shows.
  static Response download(std::string body, std::string content_type, const std::string& filename);
  void set_cookie(const std::string& name, const std::string& value, const std::string& attributes);
};

// Percent-decoding and parsing of query strings and form bodies; malformed escapes are kept as typed.
std::string url_decode(const std::string& s, bool plus_is_space = true);
std::string url_encode(const std::string& s);
std::map<std::string, std::string> parse_url_encoded(const std::string& s);
std::multimap<std::string, std::string> parse_url_encoded_all(const std::string& s);
std::map<std::string, std::string> parse_cookies(const std::string& header);

}  // namespace waypoint::web
