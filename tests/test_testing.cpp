// The test fixtures: canned responses, Catch2 matchers with readable descriptions, and
// iterating every catalog entry.
#include <errcat/registry.hpp>
#include <errcat/testing.hpp>

#include <set>
#include <string>

#include "catch.hpp"

namespace iam = errcat::iam;
using errcat::testing::has_arg;
using errcat::testing::has_status;
using errcat::testing::is_error;

namespace {
errcat::error sample() {
  return iam::make("IAM.0004", {{"target", "user"}, {"target_id", "42"}});
}
}  // namespace

TEST_CASE("response gives the status, headers and exact body a server sends",
          "[testing][response]") {
  const errcat::testing::http_response r =
      errcat::testing::response(errcat::error(sample()).set_request_id("req-7"));
  CHECK(r.status == 404);
  CHECK(r.header("content-type") == "application/json;charset=utf-8");
  CHECK(r.header("X-Request-Id") == "req-7");
  CHECK(r.body == errcat::to_body(sample().set_request_id("req-7")));
  CHECK(r.body ==
        R"({"error_code":"IAM.0004","error_msg":"Could not find user: 42.","request_id":"req-7"})");
  CHECK(r.to_string() ==
        "HTTP/1.1 404 Not Found\r\nContent-Type: application/json;charset=utf-8\r\n"
        "X-Request-Id: req-7\r\nContent-Length: " +
            std::to_string(r.body.size()) + "\r\n\r\n" + r.body);
}

TEST_CASE("response leaves out X-Request-Id when the error has none", "[testing][response]") {
  const auto r = errcat::testing::response(sample(), errcat::body_style::keystone);
  CHECK(r.headers.size() == 1);
  CHECK(r.header("X-Request-Id").empty());
  CHECK(r.body == errcat::to_body(sample(), errcat::body_style::keystone));
}

TEST_CASE("the matchers accept the right error", "[testing][matchers]") {
  const errcat::error err = sample();
  CHECK_THAT(err, is_error("IAM.0004"));
  CHECK_THAT(err, has_status(404));
  CHECK_THAT(err, has_arg("target", "user"));
  CHECK_THAT(err, is_error("IAM.0004") && has_status(404) && has_arg("target_id", "42"));
  CHECK_THAT(err, !is_error("IAM.0005"));
}

TEST_CASE("the matchers reject the wrong error", "[testing][matchers]") {
  const errcat::error err = sample();
  CHECK_FALSE(is_error("IAM.0005").match(err));
  CHECK_FALSE(is_error("IAM.000").match(err));
  CHECK_FALSE(has_status(400).match(err));
  CHECK_FALSE(has_arg("target", "users").match(err));
  CHECK_FALSE(has_arg("nope", "user").match(err));
  CHECK_FALSE(has_arg("target", "").match(iam::make("IAM.0004")));
}

TEST_CASE("the matchers describe themselves readably", "[testing][matchers]") {
  CHECK(is_error("IAM.0004").describe() == "is error \"IAM.0004\"");
  CHECK(has_status(404).describe() == "has status 404");
  CHECK(has_arg("target", "user").describe() == "has argument \"target\" = \"user\"");
}

TEST_CASE("a failing matcher's message shows the error and the expectation",
          "[testing][matchers]") {
  errcat::error err = errcat::error(sample()).set_request_id("r1");
  err.set_status(400);
  const std::string shown = Catch::StringMaker<errcat::error>::convert(err);
  CHECK(shown ==
        "400 IAM.0004 \"Could not find user: 42.\" {target=\"user\", target_id=\"42\"} "
        "request_id=\"r1\" (documented under 404)");
  CHECK(errcat::testing::describe(errcat::error(503, "", "")) == "503 (no code) \"\"");
}

TEST_CASE("every catalog entry can be generated for data-driven tests", "[testing][entries]") {
  const std::vector<const errcat::entry*> all = errcat::testing::all_entries();
  std::size_t total = 0;
  for (const errcat::bundled_catalog& c : errcat::bundled_catalogs())
    total += c.catalog->size();
  CHECK(all.size() == total);
  CHECK(all.size() >= iam::catalog.size() + errcat::apigw::catalog.size());
  CHECK(std::set<const errcat::entry*>(all.begin(), all.end()).size() == all.size());
  CHECK(all.front() == &iam::catalog[0]);
  const errcat::catalog& last = *errcat::bundled_catalogs().back().catalog;
  CHECK(all.back() == &last[last.size() - 1]);
  for (const errcat::entry* e : all)
    CHECK(errcat::bundled_catalog_of(*e) != nullptr);
  CHECK(errcat::testing::entries(errcat::apigw::catalog).size() == 71);
}

TEST_CASE("GENERATE walks every entry", "[testing][entries]") {
  const errcat::entry* e = GENERATE(from_range(errcat::testing::all_entries()));
  const errcat::error err = errcat::make(*e);
  CHECK_THAT(err, is_error(std::string(e->code)) && has_status(e->status));
  const auto r = errcat::testing::response(err);
  CHECK_THAT(errcat::parse_response(r.status, r.body, r.header_views()),
             is_error(std::string(e->code)));
}
