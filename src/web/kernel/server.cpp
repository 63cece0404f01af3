#include "web/kernel/server.hpp"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/ThreadPool.h>

#include <algorithm>
#include <stdexcept>
#include <thread>

#include "web/kernel/application.hpp"
#include "web/kernel/multipart.hpp"

namespace waypoint::web {
namespace {

constexpr std::size_t kMaxForm = 1 << 20;     // forms without files are small
constexpr std::size_t kMaxUpload = 20 << 20;  // a form carrying a file (extracts, evidence)
constexpr std::size_t kMaxDrained = 32 << 20;

class Handler final : public Poco::Net::HTTPRequestHandler {
 public:
  explicit Handler(Application& app) : app_(app) {}

  void handleRequest(Poco::Net::HTTPServerRequest& in, Poco::Net::HTTPServerResponse& out) override {
    Request r;
    r.method = in.getMethod();
    const auto& uri = in.getURI();
    const auto q = uri.find('?');
    r.path = url_decode(uri.substr(0, q), false);
    if (q != std::string::npos) {
      r.query_string = uri.substr(q + 1);
      r.query = parse_url_encoded(r.query_string);
    }
    for (const auto& [name, value] : in) {
      std::string lower = name;
      std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
      r.headers[lower] = value;
    }
    r.cookies = parse_cookies(r.header("cookie"));
    r.client = in.clientAddress().host().toString();
    const auto boundary = multipart_boundary(r.header("content-type"));
    const std::size_t max_body = boundary ? kMaxUpload : kMaxForm;
    if (in.hasContentLength() && static_cast<std::size_t>(in.getContentLength64()) > max_body) {
      // Read what was sent (up to a bound) so the client is still listening when we refuse it.
      if (static_cast<std::size_t>(in.getContentLength64()) <= kMaxDrained) in.stream().ignore(in.getContentLength64());
      out.setKeepAlive(false);
      send(out, Response::text(413, "The request is too large\n"), r.method);
      return;
    }
    // Read what was sent, never more than the limit, without reserving the limit up front.
    char chunk[64 * 1024];
    while (r.body.size() <= max_body && in.stream().read(chunk, sizeof chunk).gcount() > 0)
      r.body.append(chunk, static_cast<std::size_t>(in.stream().gcount()));
    if (r.body.size() > max_body) {
      send(out, Response::text(413, "The request is too large\n"), r.method);
      return;
    }
    if (boundary && !parse_multipart(r.body, *boundary, r)) {
      send(out, Response::text(400, "The form could not be read\n"), r.method);
      return;
    }
    if (r.header("content-type").rfind("application/x-www-form-urlencoded", 0) == 0) {
      r.form_values = parse_url_encoded_all(r.body);
      for (const auto& [k, v] : r.form_values) r.form.emplace(k, v);
    }
    Response response = app_.handle(r);
    send(out, response, r.method);
  }

 private:
  static void send(Poco::Net::HTTPServerResponse& out, const Response& response, const std::string& method) {
    out.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(response.status));
    out.setContentType(response.content_type);
    for (const auto& [name, value] : response.headers) out.add(name, value);
    out.setContentLength64(static_cast<Poco::Int64>(response.body.size()));
    auto& stream = out.send();
    if (method != "HEAD") stream.write(response.body.data(), static_cast<std::streamsize>(response.body.size()));
  }

  Application& app_;
};

class Factory final : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit Factory(Application& app) : app_(app) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
    return new Handler(app_);
  }

 private:
  Application& app_;
};

}  // namespace

struct Server::Impl {
  explicit Impl(int threads) : pool(2, threads) {}
  Poco::ThreadPool pool;
  Poco::Net::ServerSocket socket;
  std::unique_ptr<Poco::Net::HTTPServer> server;
};

Server::Server(Application& app, const std::string& host, int port, int threads)
    : impl_(std::make_unique<Impl>(threads)) {
  const Poco::Net::SocketAddress address(host, static_cast<Poco::UInt16>(port));
  try {
    // Reusing the address lets a restarted server listen at once; sharing the port (SO_REUSEPORT,
    // which Poco's shortcut sets too) would let a second server take half of the first one's traffic.
    impl_->socket.bind(address, true, false);
    impl_->socket.listen(256);
  } catch (const Poco::Exception& e) {
    throw std::runtime_error("Cannot listen on " + address.toString() + ": " + e.displayText() +
                             ". Is Waypoint or another server already running there?");
  }
  auto* params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(threads);
  params->setMaxQueued(512);
  params->setKeepAlive(true);
  params->setTimeout(Poco::Timespan(30, 0));
  impl_->server = std::make_unique<Poco::Net::HTTPServer>(new Factory(app), impl_->pool, impl_->socket, params);
}

Server::~Server() = default;

void Server::start() { impl_->server->start(); }
void Server::stop() { impl_->server->stopAll(false); }
int Server::port() const { return impl_->socket.address().port(); }

}  // namespace waypoint::web
