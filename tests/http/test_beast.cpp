// errcat::beast against real servers on 127.0.0.1: a Beast client reading the fake
// server's answers, and a Beast server answering with errcat::error.
#include <errcat/http/beast.hpp>
#include <errcat/iam.hpp>
#include <errcat/testing/fake_server.hpp>

#include <string>

#include "beast_support.hpp"
#include "catch.hpp"

using errcat::testing::error_step;
using errcat::testing::fake_server;
using errcat::testing::plain_step;
using errcat::testing::step;
using errcat_test::beast_get;
using errcat_test::beast_server;
namespace http = errcat_test::http;

TEST_CASE("beast client: a scripted IAM.0012 comes back with its values, request id and delay",
          "[http][beast]") {
  step s = error_step("IAM.0012", {{"threshold", "10"}, {"period_seconds", "60"}});
  s.request_id = "5a6f0a4c9b2e4f4f8d1c2b3a4e5f6a7b";
  s.headers.push_back({"Retry-After", "2"});
  fake_server server({s});
  const auto res = beast_get(server.port(), "/v3/auth/tokens");
  const errcat::error err = errcat::parse_response(res);
  CHECK(err.entry() == errcat::iam::catalog.find("IAM.0012"));
  CHECK(err.status() == 429);
  CHECK(err.value_of("threshold") == "10");
  CHECK(err.value_of("period_seconds") == "60");
  CHECK(err.request_id() == s.request_id);
  CHECK(err.retry().advice == errcat::retry_class::throttled);
  CHECK(err.retry().after_seconds == 2);
}

TEST_CASE("beast client: a Keystone 404 comes back as IAM.0004 with target and id",
          "[http][beast]") {
  step s = error_step("IAM.0004", {{"target", "user"}, {"target_id", "42"}});
  s.style = errcat::body_style::keystone;
  fake_server server({s});
  const errcat::error err = errcat::parse_response(beast_get(server.port(), "/v3/users/42"));
  CHECK(err.code() == "IAM.0004");
  CHECK(err.status() == 404);
  CHECK(err.value_of("target") == "user");
  CHECK(err.value_of("target_id") == "42");
  CHECK(err.request_id().size() == 32);
}

TEST_CASE("beast client: an HTML 502 keeps its status and raw body", "[http][beast]") {
  const std::string page =
      "<html><head><title>502 Bad Gateway</title></head>"
      "<body><center><h1>502 Bad Gateway</h1></center></body></html>";
  fake_server server({plain_step(502, page, "text/html")});
  const errcat::error err = errcat::parse_response(beast_get(server.port(), "/"));
  CHECK(err.status() == 502);
  CHECK(err.raw_body() == page);
}

TEST_CASE("beast server: write_response sends to_body's bytes with status and headers",
          "[http][beast]") {
  const errcat::error err =
      errcat::iam::make("IAM.0012", {{"threshold", 10}, {"period_seconds", 60}})
          .set_request_id("req-1");
  errcat::response_options options;
  options.retry.after_seconds = 3;
  beast_server server([&](const auto&, auto& res) {
    res.set("X-Served-By", "test");
    errcat::write_response(res, err, options);
  });
  const auto res = beast_get(server.port(), "/");
  CHECK(res.result_int() == 429);
  CHECK(res.body() == errcat::to_body(err));
  CHECK(res[http::field::content_type] == errcat::content_type(errcat::body_style::huawei));
  CHECK(res[http::field::content_length] == std::to_string(res.body().size()));
  CHECK(res["X-Request-Id"] == "req-1");
  CHECK(res[http::field::retry_after] == "3");
  CHECK(res["X-Served-By"] == "test");
  CHECK(res.count(http::field::www_authenticate) == 0);
  CHECK(errcat::parse_response(res) == err);
}

TEST_CASE("beast server: a Keystone-style 401 carries WWW-Authenticate as Keystone sends it",
          "[http][beast]") {
  const errcat::error err = errcat::iam::make("IAM.0001");
  errcat::response_options options;
  options.style = errcat::body_style::keystone;
  options.keystone_uri = "https://iam.example.com:5000";
  beast_server server([&](const auto&, auto& res) { errcat::write_response(res, err, options); });
  const auto res = beast_get(server.port(), "/v3/auth/tokens");
  CHECK(res.result_int() == 401);
  CHECK(res[http::field::www_authenticate] == R"(Keystone uri="https://iam.example.com:5000")");
  CHECK(res.body() == errcat::to_body(err, errcat::body_style::keystone));
  CHECK(res.count("X-Request-Id") == 0);
}
