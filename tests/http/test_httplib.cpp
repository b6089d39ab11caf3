// errcat::httplib against real servers on 127.0.0.1: a cpp-httplib client reading the fake
// server's answers, and a cpp-httplib server answering with errcat::error.
#include <errcat/http/httplib.hpp>
#include <errcat/iam.hpp>
#include <errcat/testing/fake_server.hpp>

#include <thread>

#include "catch.hpp"

using errcat::testing::error_step;
using errcat::testing::fake_server;
using errcat::testing::plain_step;
using errcat::testing::step;

namespace {

httplib::Client client_for(std::uint16_t port) {
  httplib::Client c("127.0.0.1", port);
  c.set_connection_timeout(5);
  c.set_read_timeout(5);
  return c;
}

// A cpp-httplib server on 127.0.0.1 in a thread of its own, stopped on destruction.
class test_server {
 public:
  explicit test_server(httplib::Server::Handler handler) {
    server_.Get(".*", std::move(handler));
    port_ = server_.bind_to_any_port("127.0.0.1");
    REQUIRE(port_ > 0);
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    for (int i = 0; i < 5000 && !server_.is_running(); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~test_server() {
    server_.stop();
    thread_.join();
  }
  std::uint16_t port() const { return static_cast<std::uint16_t>(port_); }

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
};

}  // namespace

TEST_CASE("httplib client: a scripted IAM.0012 comes back with its values, request id and delay",
          "[http][httplib]") {
  step s = error_step("IAM.0012", {{"threshold", "10"}, {"period_seconds", "60"}});
  s.request_id = "5a6f0a4c9b2e4f4f8d1c2b3a4e5f6a7b";
  s.headers.push_back({"Retry-After", "2"});
  fake_server server({s});
  auto c = client_for(server.port());
  const httplib::Result res = c.Get("/v3/auth/tokens");
  const errcat::error err = errcat::parse_response(res);
  CHECK(err.entry() == errcat::iam::catalog.find("IAM.0012"));
  CHECK(err.status() == 429);
  CHECK(err.value_of("threshold") == "10");
  CHECK(err.value_of("period_seconds") == "60");
  CHECK(err.request_id() == s.request_id);
  CHECK(err.retry().advice == errcat::retry_class::throttled);
  CHECK(err.retry().after_seconds == 2);
}

TEST_CASE("httplib client: a Keystone 404 comes back as IAM.0004 with target and id",
          "[http][httplib]") {
  step s = error_step("IAM.0004", {{"target", "user"}, {"target_id", "42"}});
  s.style = errcat::body_style::keystone;
  fake_server server({s});
  auto c = client_for(server.port());
  const errcat::error err = errcat::parse_response(c.Get("/v3/users/42"));
  CHECK(err.code() == "IAM.0004");
  CHECK(err.status() == 404);
  CHECK(err.value_of("target") == "user");
  CHECK(err.value_of("target_id") == "42");
  CHECK_FALSE(err.request_id().empty());  // from the X-Request-Id header
}

TEST_CASE("httplib client: an HTML 502 keeps its status and raw body", "[http][httplib]") {
  const std::string page =
      "<html><head><title>502 Bad Gateway</title></head>"
      "<body><center><h1>502 Bad Gateway</h1></center></body></html>";
  fake_server server({plain_step(502, page, "text/html")});
  auto c = client_for(server.port());
  const httplib::Result res = c.Get("/");
  REQUIRE(res);
  const errcat::error err = errcat::parse_response(*res);
  CHECK(err.status() == 502);
  CHECK(err.raw_body() == page);
}

TEST_CASE("httplib client: a request that got no response is status 0 with the reason",
          "[http][httplib]") {
  std::uint16_t port = 0;
  {
    fake_server closed({plain_step(200, "{}")});
    port = closed.port();
  }
  auto c = client_for(port);
  const errcat::error err = errcat::parse_response(c.Get("/"));
  CHECK(err.status() == 0);
  CHECK(err.code().empty());
  CHECK(std::string(err.message()).starts_with("request failed: "));
}

TEST_CASE("httplib server: write_response sends to_body's bytes with status and headers",
          "[http][httplib]") {
  const errcat::error err =
      errcat::iam::make("IAM.0012", {{"threshold", 10}, {"period_seconds", 60}})
          .set_request_id("req-1");
  errcat::response_options options;
  options.retry.after_seconds = 3;
  test_server server([&](const httplib::Request&, httplib::Response& res) {
    res.set_header("X-Served-By", "test");
    errcat::write_response(res, err, options);
  });
  auto c = client_for(server.port());
  const auto res = c.Get("/");
  REQUIRE(res);
  CHECK(res->status == 429);
  CHECK(res->body == errcat::to_body(err));
  CHECK(res->get_header_value("Content-Type") == errcat::content_type(errcat::body_style::huawei));
  CHECK(res->get_header_value("X-Request-Id") == "req-1");
  CHECK(res->get_header_value("Retry-After") == "3");
  CHECK(res->get_header_value("X-Served-By") == "test");
  CHECK_FALSE(res->has_header("WWW-Authenticate"));
  CHECK(errcat::parse_response(res) == err);
}

TEST_CASE("httplib server: a Keystone-style 401 carries WWW-Authenticate as Keystone sends it",
          "[http][httplib]") {
  const errcat::error err = errcat::iam::make("IAM.0001");
  errcat::response_options options;
  options.style = errcat::body_style::keystone;
  options.keystone_uri = "https://iam.example.com:5000";
  test_server server([&](const httplib::Request&, httplib::Response& res) {
    errcat::write_response(res, err, options);
  });
  auto c = client_for(server.port());
  const auto res = c.Get("/v3/auth/tokens");
  REQUIRE(res);
  CHECK(res->status == 401);
  CHECK(res->get_header_value("WWW-Authenticate") ==
        R"(Keystone uri="https://iam.example.com:5000")");
  CHECK(res->body == errcat::to_body(err, errcat::body_style::keystone));
  CHECK_FALSE(res->has_header("X-Request-Id"));
  CHECK_FALSE(res->has_header("Retry-After"));
}
