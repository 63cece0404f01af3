#include "web/kernel/server.hpp"

#include <boost/asio/bind_executor.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <list>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>

#include "web/kernel/application.hpp"
#include "web/kernel/multipart.hpp"

namespace waypoint::web {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

constexpr std::size_t kHeaderLimit = 16 * 1024;
constexpr std::size_t kMaxForm = 1 << 20;      // forms without files are small
constexpr std::size_t kMaxUpload = 20 << 20;   // a form carrying a file (extracts, evidence)
constexpr std::size_t kMaxDrained = 32 << 20;  // read and dropped, so the client hears the 413
constexpr auto kStopGrace = std::chrono::seconds(10);
// Threads running the event loop. Reading and writing sockets is little work beside a request's,
// and with a second loop thread each request woke both (one in epoll, one on the scheduler's lock):
// with one, on 4 December 2026, /healthz answered 36,500-42,600 requests/s against 32,000-36,400 with
// two and the signed-in home page 9,350-9,670 against 7,660-8,500 (bench/run 4 8, alternated), and a
// register page on PostgreSQL, one request at a time, took 23 context switches of the machine against
// 28. Each connection's handlers still run one at a time (its strand).
constexpr int kEventLoops = 1;

// Turns what Beast parsed into the application's request.
Request request_from(http::request<http::string_body>&& in, const std::string& client) {
  Request r;
  r.method = std::string(in.method_string());
  const std::string uri(in.target());
  const auto q = uri.find('?');
  r.path = url_decode(uri.substr(0, q), false);
  if (q != std::string::npos) {
    r.query_string = uri.substr(q + 1);
    r.query = parse_url_encoded(r.query_string);
  }
  for (const auto& field : in) {
    std::string lower(field.name_string());
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    r.headers[lower] = std::string(field.value());
  }
  r.cookies = parse_cookies(r.header("cookie"));
  r.client = client;
  r.body = std::move(in.body());
  return r;
}

}  // namespace

struct Server::Impl {
  Impl(Application& app, ServerLimits limits, int threads) : app(app), limits(limits), workers(threads) {}

  class Session;

  Application& app;
  ServerLimits limits;
  // The open connections. Declared before the event loop, so they outlive the handlers it destroys.
  std::mutex sessions_mutex;
  std::list<std::weak_ptr<Session>> sessions;
  std::atomic<bool> stopping{false};
  asio::io_context io{kEventLoops};
  tcp::acceptor acceptor{asio::make_strand(io)};
  asio::steady_timer accept_pause{acceptor.get_executor()};
  asio::thread_pool workers;  // request work: bounded, whatever the number of connections
  std::vector<std::thread> loops;

  void accept();
  void forget(std::list<std::weak_ptr<Session>>::iterator it);
  void finish_when_idle(std::shared_ptr<asio::steady_timer> timer, std::chrono::steady_clock::time_point deadline);
};

// One connection: its requests are read, handled on the pool and answered in turn. Every read and
// write has a deadline, so a client that trickles or goes quiet loses its connection, not a thread.
class Server::Impl::Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, Impl& server) : stream_(std::move(socket)), server_(server) {
    beast::error_code ec;
    const auto remote = stream_.socket().remote_endpoint(ec);
    if (!ec) client_ = remote.address().to_string();
  }

  void start(std::list<std::weak_ptr<Session>>::iterator registered) {
    registered_ = registered;
    read_header();
  }

  // On stop: a connection waiting for its next request is closed; one in the middle of a request
  // finishes it and closes after the answer.
  void stop_if_idle() {
    if (waiting_for_request_) close();
  }

  ~Session() { server_.forget(registered_); }

  auto executor() { return stream_.get_executor(); }

 private:
  void read_header() {
    if (server_.stopping) return close();
    parser_.emplace();
    parser_->header_limit(kHeaderLimit);
    parser_->body_limit(kMaxDrained);
    waiting_for_request_ = buffer_.size() == 0;
    stream_.expires_after(first_request_ ? server_.limits.header_timeout : server_.limits.idle_timeout);
    http::async_read_header(stream_, buffer_, *parser_,
                            beast::bind_front_handler(&Session::on_header, shared_from_this()));
  }

  void on_header(beast::error_code ec, std::size_t) {
    waiting_for_request_ = false;
    first_request_ = false;
    if (ec == http::error::header_limit) return refuse(431, "The request's headers are too large\n");
    // Beast's own errors mean the bytes were not HTTP, unless the client simply went away.
    const bool gone = ec == http::error::end_of_stream || ec == http::error::partial_message;
    if (ec && ec.category() == beast::error_code(http::error::bad_method).category() && !gone)
      return refuse(400, "The request could not be read\n");
    if (ec) return close();
    const auto& req = parser_->get();
    boundary_ = multipart_boundary(std::string(req[http::field::content_type]));
    max_body_ = boundary_ ? kMaxUpload : kMaxForm;
    const auto length = parser_->content_length();
    if (length && *length > kMaxDrained) return answer_too_large();
    stream_.expires_after(server_.limits.body_timeout);
    if (beast::iequals(req[http::field::expect], "100-continue") && (!length || *length <= max_body_)) {
      auto going_on = std::make_shared<http::response<http::empty_body>>(http::status::continue_, 11);
      http::async_write(stream_, *going_on, [self = shared_from_this(), going_on](beast::error_code e, std::size_t) {
        if (e) return self->close();
        self->read_body();
      });
      return;
    }
    read_body();
  }

  void read_body() {
    http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::on_body, shared_from_this()));
  }

  void on_body(beast::error_code ec, std::size_t) {
    if (ec == http::error::body_limit) return answer_too_large();
    if (ec) return close();
    auto in = parser_->release();
    keep_alive_ = in.keep_alive();
    if (in.body().size() > max_body_) return answer_too_large();
    method_ = std::string(in.method_string());
    auto request = std::make_shared<Request>(request_from(std::move(in), client_));
    asio::post(server_.workers, [self = shared_from_this(), request] {
      Response response = Response::text(500, "Sorry, there is a problem with the service\n");
      try {
        response = self->handle(*request);
      } catch (const std::exception&) {
        // The application answers its own failures; this is the last line, so a worker never dies.
      }
      asio::post(self->stream_.get_executor(),
                 [self, response = std::move(response)]() mutable { self->write(std::move(response)); });
    });
  }

  Response handle(Request& r) {
    if (boundary_ && !parse_multipart(r.body, *boundary_, r))
      return Response::text(400, "The form could not be read\n");
    if (r.header("content-type").rfind("application/x-www-form-urlencoded", 0) == 0) {
      r.form_values = parse_url_encoded_all(r.body);
      for (const auto& [k, v] : r.form_values) r.form.emplace(k, v);
    }
    return server_.app.handle(r);
  }

  void answer_too_large() {
    keep_alive_ = false;
    method_ = std::string(parser_->get().method_string());
    write(Response::text(413, "The request is too large\n"));
  }

  // A request that is not HTTP, or whose headers are too large: answered, then the connection closes.
  void refuse(int status, const char* text) {
    keep_alive_ = false;
    method_.clear();
    write(Response::text(status, text));
  }

  void write(Response response) {
    auto out = std::make_shared<http::response<http::string_body>>(static_cast<http::status>(response.status), 11);
    out->set(http::field::content_type, response.content_type);
    for (const auto& [name, value] : response.headers) out->insert(name, value);
    out->keep_alive(keep_alive_ && !server_.stopping);
    out->content_length(response.body.size());
    if (method_ != "HEAD") out->body() = std::move(response.body);
    stream_.expires_after(server_.limits.body_timeout);
    http::async_write(stream_, *out, [self = shared_from_this(), out](beast::error_code ec, std::size_t) {
      if (ec || !out->keep_alive()) return self->close();
      self->read_header();
    });
  }

  void close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.close();
  }

  beast::tcp_stream stream_;
  Impl& server_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::optional<std::string> boundary_;
  std::size_t max_body_ = kMaxForm;
  std::string client_;
  std::string method_;
  bool keep_alive_ = true;
  bool first_request_ = true;
  bool waiting_for_request_ = false;
  std::list<std::weak_ptr<Session>>::iterator registered_;
};

void Server::Impl::accept() {
  acceptor.async_accept(asio::make_strand(io), [this](beast::error_code ec, tcp::socket socket) {
    if (stopping) return;
    if (ec) {
      // Out of file descriptors, say: wait a moment rather than spin.
      accept_pause.expires_after(std::chrono::milliseconds(50));
      accept_pause.async_wait([this](beast::error_code) { accept(); });
      return;
    }
    auto session = std::make_shared<Session>(std::move(socket), *this);
    std::list<std::weak_ptr<Session>>::iterator registered;
    {
      std::lock_guard lock(sessions_mutex);
      registered = sessions.insert(sessions.end(), session);
    }
    session->start(registered);
    accept();
  });
}

void Server::Impl::forget(std::list<std::weak_ptr<Session>>::iterator it) {
  std::lock_guard lock(sessions_mutex);
  sessions.erase(it);
}

void Server::Impl::finish_when_idle(std::shared_ptr<asio::steady_timer> timer,
                                    std::chrono::steady_clock::time_point deadline) {
  bool idle = false;
  {
    std::lock_guard lock(sessions_mutex);
    idle = sessions.empty();
  }
  if (idle || std::chrono::steady_clock::now() >= deadline) return io.stop();
  timer->expires_after(std::chrono::milliseconds(50));
  timer->async_wait([this, timer, deadline](beast::error_code) { finish_when_idle(timer, deadline); });
}

Server::Server(Application& app, const std::string& host, int port, int threads, ServerLimits limits)
    : impl_(std::make_unique<Impl>(app, limits, threads)) {
  const auto address = host + ":" + std::to_string(port);
  try {
    const tcp::endpoint endpoint(asio::ip::make_address(host == "localhost" ? "127.0.0.1" : host),
                                 static_cast<unsigned short>(port));
    auto& acceptor = impl_->acceptor;
    acceptor.open(endpoint.protocol());
    // Reusing the address lets a restarted server listen at once; the port is never shared, so a
    // second server cannot take half of the first one's traffic.
    acceptor.set_option(asio::socket_base::reuse_address(true));
    acceptor.bind(endpoint);
    acceptor.listen(1024);
  } catch (const boost::system::system_error& e) {
    throw std::runtime_error("Cannot listen on " + address + ": " + e.code().message() +
                             ". Is Waypoint or another server already running there?");
  }
}

Server::~Server() {
  stop();
  impl_->workers.join();
}

void Server::start() {
  impl_->accept();
  for (int i = 0; i < kEventLoops; ++i) impl_->loops.emplace_back([this] { impl_->io.run(); });
}

void Server::stop() {
  if (impl_->loops.empty()) return;
  asio::post(impl_->acceptor.get_executor(), [this] {
    impl_->stopping = true;
    beast::error_code ignored;
    impl_->acceptor.close(ignored);
    impl_->accept_pause.cancel();
    std::vector<std::shared_ptr<Impl::Session>> open;
    {
      std::lock_guard lock(impl_->sessions_mutex);
      for (const auto& weak : impl_->sessions)
        if (auto session = weak.lock()) open.push_back(std::move(session));
    }
    for (const auto& session : open) asio::post(session->executor(), [session] { session->stop_if_idle(); });
    impl_->finish_when_idle(std::make_shared<asio::steady_timer>(impl_->io),
                            std::chrono::steady_clock::now() + kStopGrace);
  });
  for (auto& loop : impl_->loops) loop.join();
  impl_->loops.clear();
}

int Server::port() const { return impl_->acceptor.local_endpoint().port(); }

}  // namespace waypoint::web
