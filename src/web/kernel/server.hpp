#pragma once
// The HTTP transport (Boost.Beast on one event loop, request work on a bounded pool of threads),
// kept behind this small class so nothing else includes Boost.
#include <chrono>
#include <memory>
#include <string>

namespace waypoint::web {

class Application;

// How long a client may take: a connection whose headers, body or next request do not arrive in
// time is closed, so slow and idle clients cost a socket, never a thread.
struct ServerLimits {
  std::chrono::seconds header_timeout{15};  // from connecting to the end of the first request's headers
  std::chrono::seconds body_timeout{60};    // to send a request's body, or to read the answer
  std::chrono::seconds idle_timeout{75};    // a kept-alive connection waiting for its next request
};

class Server {
 public:
  // Listens at once (refusing an address in use); serves once started.
  Server(Application& app, const std::string& host, int port, int threads, ServerLimits limits = {});
  ~Server();
  void start();
  // Stops taking connections, closes idle ones, lets requests in flight finish (for up to 10 s).
  void stop();
  int port() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace waypoint::web
