// Boost.Beast: read an error from a Keystone-style server, and build the response a
// server sends for an errcat::error.
#include <errcat/http/beast.hpp>
#include <errcat/iam.hpp>
#include <errcat/testing/fake_server.hpp>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

#include <iostream>

namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;

int main() {
  // A fake Keystone-style IAM on 127.0.0.1 answers 404 with {"error": {...}}.
  errcat::testing::step missing =
      errcat::testing::error_step("IAM.0004", {{"target", "user"}, {"target_id", "42"}});
  missing.style = errcat::body_style::keystone;
  errcat::testing::fake_server iam({missing});

  // The client: a plain synchronous Beast GET.
  boost::asio::io_context ioc;
  tcp::socket socket(ioc);
  socket.connect({boost::asio::ip::make_address("127.0.0.1"), iam.port()});
  http::request<http::empty_body> req{http::verb::get, "/v3/users/42", 11};
  req.set(http::field::host, "127.0.0.1");
  http::write(socket, req);
  boost::beast::flat_buffer buffer;
  http::response<http::string_body> res;
  http::read(socket, buffer, res);
  const errcat::error err = errcat::parse_response(res);  // IAM.0004, from the message
  std::cout << err.status() << ' ' << err.code() << ": " << err.message() << "\n\n";

  // The server side: a Keystone-style 401 with WWW-Authenticate as Keystone sends it.
  http::response<http::string_body> answer{http::status::ok, 11};
  errcat::response_options options;
  options.style = errcat::body_style::keystone;
  options.keystone_uri = "https://iam.example.com:5000";
  errcat::write_response(answer, errcat::iam::make("IAM.0001"), options);
  std::cout << answer << '\n';
  return err.code() == "IAM.0004" && answer.result_int() == 401 ? 0 : 1;
}
