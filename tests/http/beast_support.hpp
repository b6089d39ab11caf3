// A Boost.Beast client and a one-connection Beast server on 127.0.0.1 for the tests.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <thread>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

namespace errcat_test {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

/// GET `target` from 127.0.0.1:`port` with a Beast client; the whole response.
inline http::response<http::string_body> beast_get(std::uint16_t port, const std::string& target) {
  net::io_context ioc;
  tcp::socket socket(ioc);
  socket.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  http::request<http::empty_body> req{http::verb::get, target, 11};
  req.set(http::field::host, "127.0.0.1");
  req.keep_alive(false);
  http::write(socket, req);
  beast::flat_buffer buffer;
  http::response<http::string_body> res;
  http::read(socket, buffer, res);
  beast::error_code ignored;
  socket.shutdown(tcp::socket::shutdown_both, ignored);
  return res;
}

/// A Beast server on 127.0.0.1 that answers one connection's requests with `handler`,
/// in a thread of its own (joined on destruction).
class beast_server {
 public:
  using handler = std::function<void(const http::request<http::string_body>&,
                                     http::response<http::string_body>&)>;

  explicit beast_server(handler h)
      : acceptor_(ioc_, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0)),
        port_(acceptor_.local_endpoint().port()),
        thread_([this, h = std::move(h)] { serve(h); }) {}
  beast_server(const beast_server&) = delete;
  beast_server& operator=(const beast_server&) = delete;
  ~beast_server() {
    if (!served_) {  // unblock accept() with a connection of our own
      beast::error_code ignored;
      tcp::socket poke(ioc_);
      poke.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port_), ignored);
    }
    thread_.join();
  }
  std::uint16_t port() const { return port_; }

 private:
  void serve(const handler& h) {
    beast::error_code ec;
    tcp::socket socket = acceptor_.accept(ec);
    served_ = true;
    if (ec) return;
    beast::flat_buffer buffer;
    for (;;) {
      http::request<http::string_body> req;
      http::read(socket, buffer, req, ec);
      if (ec) return;
      http::response<http::string_body> res{http::status::ok, req.version()};
      res.keep_alive(req.keep_alive());
      h(req, res);
      http::write(socket, res, ec);
      if (ec || !res.keep_alive()) break;
    }
    socket.shutdown(tcp::socket::shutdown_send, ec);
  }

  net::io_context ioc_;
  tcp::acceptor acceptor_;
  std::uint16_t port_;
  std::atomic<bool> served_{false};
  std::thread thread_;
};

}  // namespace errcat_test
