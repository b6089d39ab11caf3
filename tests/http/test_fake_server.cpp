// errcat::testing::fake_server through real connections on 127.0.0.1 (cpp-httplib's
// client): scripted answers in order, what it records, its limits and stops, and scripts
// that are refused with the step and the reason.
#include <errcat/http/response.hpp>
#include <errcat/iam.hpp>
#include <errcat/testing/fake_server.hpp>

#include <chrono>
#include <string>

#include <httplib.h>

#include "catch.hpp"

using errcat::testing::error_step;
using errcat::testing::fake_server;
using errcat::testing::plain_step;
using errcat::testing::script_error;
using errcat::testing::step;

namespace {

httplib::Client client_of(const fake_server& server) {
  httplib::Client c("127.0.0.1", server.port());
  c.set_connection_timeout(5);
  c.set_read_timeout(5);
  return c;
}

step throttled() {
  step s = error_step("IAM.0012", {{"threshold", "10"}, {"period_seconds", "60"}});
  s.headers.push_back({"Retry-After", "2"});
  return s;
}

}  // namespace

TEST_CASE("fake_server listens on 127.0.0.1 on a port it reports", "[http][fake_server]") {
  fake_server server({plain_step(200, "{}")});
  CHECK(server.port() != 0);
  CHECK(server.url() == "http://127.0.0.1:" + std::to_string(server.port()));
  auto c = client_of(server);
  const auto res = c.Get("/v3/users");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->body == "{}");
}

TEST_CASE("fake_server answers an error step with the documented error's exact body",
          "[http][fake_server]") {
  step s = throttled();
  s.request_id = "0123456789abcdef0123456789abcdef";
  fake_server server({s});
  auto c = client_of(server);
  const auto res = c.Get("/v3/auth/tokens");
  REQUIRE(res);
  CHECK(res->status == 429);
  CHECK(res->get_header_value("Content-Type") == errcat::content_type(errcat::body_style::huawei));
  CHECK(res->get_header_value("X-Request-Id") == s.request_id);
  CHECK(res->get_header_value("Retry-After") == "2");
  const errcat::error expected =
      errcat::iam::make("IAM.0012", {{"threshold", 10}, {"period_seconds", 60}})
          .set_request_id(s.request_id);
  CHECK(res->body == errcat::to_body(expected));
}

TEST_CASE("fake_server answers the steps in order and repeats the last one",
          "[http][fake_server]") {
  step keystone = error_step("IAM.0004", {{"target", "user"}, {"target_id", "42"}});
  keystone.style = errcat::body_style::keystone;
  fake_server server({throttled(), keystone, plain_step(200, R"({"ok":true})")});
  auto c = client_of(server);
  std::vector<int> statuses;
  for (int i = 0; i < 5; ++i) {
    const auto res = c.Get("/step");
    REQUIRE(res);
    statuses.push_back(res->status);
    if (i == 1) {
      CHECK(res->body ==
            R"({"error":{"code":404,"message":"Could not find user: 42.","title":"Not Found"}})");
    }
  }
  CHECK(statuses == std::vector<int>{429, 404, 200, 200, 200});
  CHECK(server.request_count() == 5);
}

TEST_CASE(
    "fake_server sends problem details as application/problem+json and a google "
    "body with the scripted delay as RetryInfo",
    "[http][fake_server]") {
  step problem = error_step("IAM.0004", {{"target", "user"}, {"target_id", "42"}});
  problem.style = errcat::body_style::problem;
  step google = throttled();
  google.style = errcat::body_style::google;
  fake_server server({problem, google});
  auto c = client_of(server);
  const auto p = c.Get("/v3/users/42");
  const auto g = c.Get("/v3/auth/tokens");
  REQUIRE(p);
  REQUIRE(g);
  CHECK(p->get_header_value("Content-Type") == "application/problem+json");
  CHECK(errcat::parse_response(p->status, p->body).code() == "IAM.0004");
  CHECK(g->get_header_value("Retry-After") == "2");
  CHECK(g->body.find(R"("retryDelay":"2s")") != std::string::npos);
}

TEST_CASE("fake_server gives every request a fresh request id unless the step sets one",
          "[http][fake_server]") {
  fake_server server({throttled()});
  auto c = client_of(server);
  const auto a = c.Get("/a");
  const auto b = c.Get("/b");
  REQUIRE(a);
  REQUIRE(b);
  const std::string id_a = a->get_header_value("X-Request-Id");
  CHECK(id_a.size() == 32);
  CHECK(id_a != b->get_header_value("X-Request-Id"));
  CHECK(a->body.find(id_a) != std::string::npos);
}

TEST_CASE("fake_server records method, path, headers and body of each request",
          "[http][fake_server]") {
  fake_server server({plain_step(201, "{}")});
  auto c = client_of(server);
  REQUIRE(c.Post("/v3/users", {{"X-Auth-Token", "t-1"}}, R"({"user":{}})", "application/json"));
  REQUIRE(c.Delete("/v3/users/42"));
  const auto got = server.requests();
  REQUIRE(got.size() == 2);
  CHECK(got[0].method == "POST");
  CHECK(got[0].path == "/v3/users");
  CHECK(got[0].header_value("x-auth-token") == "t-1");
  CHECK(got[0].header_value("Content-Type") == "application/json");
  CHECK(got[0].body == R"({"user":{}})");
  CHECK(got[1].method == "DELETE");
  CHECK(got[1].path == "/v3/users/42");
  CHECK(got[1].body.empty());
}

TEST_CASE("fake_server sends a plain step's bytes, content type and extra headers as given",
          "[http][fake_server]") {
  step page = plain_step(502, "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html");
  page.headers.push_back({"Server", "nginx"});
  fake_server server({page});
  auto c = client_of(server);
  const auto res = c.Get("/");
  REQUIRE(res);
  CHECK(res->status == 502);
  CHECK(res->get_header_value("Content-Type") == "text/html");
  CHECK(res->get_header_value("Server") == "nginx");
  CHECK(res->body == page.body);
}

TEST_CASE("a step's extra header replaces the one the server would set", "[http][fake_server]") {
  step s = throttled();
  s.headers.push_back({"content-type", "application/json;charset=utf-8"});
  fake_server server({s});
  auto c = client_of(server);
  const auto res = c.Get("/");
  REQUIRE(res);
  CHECK(res->get_header_value_count("Content-Type") == 1);
  CHECK(res->get_header_value("Content-Type") == "application/json;charset=utf-8");
}

TEST_CASE("fake_server waits a step's delay before answering", "[http][fake_server]") {
  step s = plain_step(200, "{}");
  s.delay = std::chrono::milliseconds(150);
  fake_server server({s});
  auto c = client_of(server);
  const auto start = std::chrono::steady_clock::now();
  REQUIRE(c.Get("/"));
  CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(150));
}

TEST_CASE("fake_server stops by itself after max_requests answers", "[http][fake_server]") {
  errcat::testing::fake_server_options options;
  options.max_requests = 2;
  fake_server server({plain_step(200, "{}")}, options);
  auto c = client_of(server);
  REQUIRE(c.Get("/1"));
  CHECK_FALSE(server.wait_until_stopped(std::chrono::milliseconds(50)));
  REQUIRE(c.Get("/2"));
  CHECK(server.wait_until_stopped(std::chrono::seconds(10)));
  CHECK_FALSE(c.Get("/3"));
  CHECK(server.request_count() == 2);
}

TEST_CASE("fake_server stops on stop() and its destructor returns promptly",
          "[http][fake_server]") {
  const auto start = std::chrono::steady_clock::now();
  {
    fake_server server({plain_step(200, "{}")});
    auto c = client_of(server);
    REQUIRE(c.Get("/"));
    server.stop();
    CHECK(server.wait_until_stopped(std::chrono::seconds(10)));
    CHECK_FALSE(c.Get("/"));
  }
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
}

TEST_CASE("fake_server refuses a script naming the bad step and the reason",
          "[http][fake_server][script]") {
  const auto refused = [](std::vector<step> script) -> std::string {
    try {
      fake_server server(std::move(script));
    } catch (const script_error& e) {
      return e.what();
    }
    return "(accepted)";
  };
  CHECK(refused({}) == "the script has no steps");
  CHECK(refused({plain_step(200, "{}"), error_step("IAM.9999")}) ==
        "step 1: unknown code \"IAM.9999\"");
  CHECK(refused({error_step("IAM.0004", {{"user", "x"}})}) ==
        "step 0: IAM.0004 has no parameter \"user\" (its parameters: target, target_id)");
  CHECK(refused({error_step("IAM.0012", {{"threshold", "ten"}})}) ==
        "step 0: parameter \"threshold\" of IAM.0012 is an integer, not \"ten\"");
  CHECK(refused({plain_step(99, "")}) == "step 0: status 99 is not 100-599");
  step bad_header = plain_step(200, "{}");
  bad_header.headers.push_back({"X-Evil", "a\r\nSet-Cookie: x"});
  CHECK(refused({bad_header}) == "step 0: header X-Evil has a line break in its value");
}

TEST_CASE("parse_script reads error and plain steps from JSON", "[http][fake_server][script]") {
  const auto script = errcat::testing::parse_script(R"({"steps": [
    {"code": "IAM.0012", "values": {"threshold": 10, "period_seconds": "60"},
     "headers": {"Retry-After": "2"}, "delay_ms": 5},
    {"code": "IAM.0004", "style": "keystone", "status": 404, "request_id": "r-1",
     "values": {"target": "user", "target_id": "42"}},
    {"status": 502, "body": "<html></html>", "content_type": "text/html"}
  ]})");
  REQUIRE(script.size() == 3);
  CHECK(script[0].what == step::kind::error);
  CHECK(script[0].values.size() == 2);
  CHECK(script[0].values[0].value == "10");
  CHECK(script[0].headers.at(0).value == "2");
  CHECK(script[0].delay == std::chrono::milliseconds(5));
  CHECK(script[1].style == errcat::body_style::keystone);
  CHECK(script[1].request_id == "r-1");
  CHECK(script[2].what == step::kind::plain);
  CHECK(script[2].status == 502);
  CHECK(script[2].content_type == "text/html");
}

TEST_CASE("parse_script names the file, the step and the reason of a malformed script",
          "[http][fake_server][script]") {
  const auto refused = [](std::string_view text) -> std::string {
    try {
      errcat::testing::parse_script(text, "s.json");
    } catch (const script_error& e) {
      return e.what();
    }
    return "(accepted)";
  };
  CHECK(refused("[{") == "s.json: not valid JSON");
  CHECK(refused("{\"step\": []}") ==
        "s.json: expected an array of steps or an object with only \"steps\"");
  CHECK(refused(R"([{"status": 200}, {"code": "IAM.0004", "stlye": "keystone"}])") ==
        "s.json: step 1: unknown member \"stlye\"");
  CHECK(refused(R"([{"code": "IAM.0004", "style": "xml"}])") ==
        "s.json: step 0: unknown style \"xml\" (huawei, keystone, combined, problem, google)");
  CHECK(refused(R"([{"body": "x"}])") == "s.json: step 0: a plain step needs a status");
  CHECK(refused(R"([{"code": 4}])") == "s.json: step 0: code must be a string");
  CHECK(refused(R"([{"code": "IAM.0004", "body": "x"}])") ==
        "s.json: step 0: an error step has no body or content_type (its body is made)");
  CHECK(refused(R"([{"status": 200, "delay_ms": -1}])") ==
        "s.json: step 0: delay_ms must be 0-600000");
  const script_error e(std::string("f.json"), 3, "why");
  CHECK(e.file() == "f.json");
  CHECK(e.index() == 3);
  CHECK(e.has_index());
  CHECK(e.reason() == "why");
}

TEST_CASE("load_script refuses a file it cannot read, naming it", "[http][fake_server][script]") {
  CHECK_THROWS_WITH(errcat::testing::load_script("/nonexistent/script.json"),
                    "/nonexistent/script.json: cannot be read");
}
