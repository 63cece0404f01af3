#pragma once
#include <memory>
#include <string>

namespace waypoint::web {

class Application;

// The HTTP transport (Poco::Net), kept behind this small class so nothing else includes Poco.
class Server {
 public:
  Server(Application& app, const std::string& host, int port, int threads);
  ~Server();
  void start();
  void stop();
  int port() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace waypoint::web
