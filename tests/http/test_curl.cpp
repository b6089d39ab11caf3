// errcat::curl against the fake server on 127.0.0.1: a libcurl easy handle's response
// read as an errcat::error.
#include <errcat/http/curl.hpp>
#include <errcat/iam.hpp>
#include <errcat/testing/fake_server.hpp>

#include <string>

#include "catch.hpp"

using errcat::testing::error_step;
using errcat::testing::fake_server;
using errcat::testing::plain_step;
using errcat::testing::step;

namespace {

// An easy handle for `url` with bounded timeouts, cleaned up on destruction.
class easy {
 public:
  explicit easy(const std::string& url) : h_(curl_easy_init()) {
    REQUIRE(h_ != nullptr);
    curl_easy_setopt(h_, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h_, CURLOPT_CONNECTTIMEOUT_MS, 5000L);
    curl_easy_setopt(h_, CURLOPT_TIMEOUT_MS, 10000L);
    curl_easy_setopt(h_, CURLOPT_NOSIGNAL, 1L);
  }
  easy(const easy&) = delete;
  easy& operator=(const easy&) = delete;
  ~easy() { curl_easy_cleanup(h_); }
  CURL* get() const { return h_; }

 private:
  CURL* h_;
};

}  // namespace

TEST_CASE("curl client: a scripted IAM.0012 comes back with its values, request id and delay",
          "[http][curl]") {
  step s = error_step("IAM.0012", {{"threshold", "10"}, {"period_seconds", "60"}});
  s.request_id = "5a6f0a4c9b2e4f4f8d1c2b3a4e5f6a7b";
  s.headers.push_back({"Retry-After", "2"});
  fake_server server({s});
  easy h(server.url() + "/v3/auth/tokens");
  errcat::curl_response response(h.get());
  REQUIRE(response.perform() == CURLE_OK);
  const errcat::error err = errcat::parse_response(response);
  CHECK(err.entry() == errcat::iam::catalog.find("IAM.0012"));
  CHECK(err.status() == 429);
  CHECK(err.value_of("threshold") == "10");
  CHECK(err.value_of("period_seconds") == "60");
  CHECK(err.request_id() == s.request_id);
  CHECK(err.retry().advice == errcat::retry_class::throttled);
  CHECK(err.retry().after_seconds == 2);
}

TEST_CASE("curl client: a Keystone 404 comes back as IAM.0004 with target and id", "[http][curl]") {
  step s = error_step("IAM.0004", {{"target", "user"}, {"target_id", "42"}});
  s.style = errcat::body_style::keystone;
  fake_server server({s});
  easy h(server.url() + "/v3/users/42");
  errcat::curl_response response(h.get());
  REQUIRE(curl_easy_perform(h.get()) == CURLE_OK);  // performed directly works the same
  const errcat::error err = errcat::parse_response(response);
  CHECK(err.code() == "IAM.0004");
  CHECK(err.status() == 404);
  CHECK(err.value_of("target") == "user");
  CHECK(err.value_of("target_id") == "42");
  CHECK(err.request_id().size() == 32);
}

TEST_CASE("curl client: an HTML 502 keeps its status and raw body", "[http][curl]") {
  const std::string page =
      "<html><head><title>502 Bad Gateway</title></head>"
      "<body><center><h1>502 Bad Gateway</h1></center></body></html>";
  fake_server server({plain_step(502, page, "text/html")});
  easy h(server.url() + "/");
  errcat::curl_response response(h.get());
  REQUIRE(response.perform() == CURLE_OK);
  const errcat::error err = errcat::parse_response(response);
  CHECK(err.status() == 502);
  CHECK(err.raw_body() == page);
}

TEST_CASE("curl_response keeps only the last response of a transfer and can be reused",
          "[http][curl]") {
  step first = plain_step(200, R"({"first":true})");
  first.headers.push_back({"X-Only-First", "1"});
  fake_server server({first, plain_step(201, R"({"second":true})")});
  easy h(server.url() + "/");
  errcat::curl_response response(h.get());
  REQUIRE(response.perform() == CURLE_OK);
  CHECK(response.body() == R"({"first":true})");
  REQUIRE(response.perform() == CURLE_OK);
  CHECK(response.status() == 201);
  CHECK(response.body() == R"({"second":true})");
  for (const errcat::http_header& hd : response.headers())
    CHECK(hd.name != "X-Only-First");
}

TEST_CASE("curl_response refuses a body beyond its bound", "[http][curl]") {
  fake_server server({plain_step(200, std::string(1000, 'x'), "text/plain")});
  easy h(server.url() + "/");
  errcat::curl_response response(h.get(), 100);
  CHECK(response.perform() == CURLE_WRITE_ERROR);
  CHECK(errcat::parse_response(response).message() ==
        std::string("request failed: ") + curl_easy_strerror(CURLE_WRITE_ERROR));
}

TEST_CASE("curl client: a transfer that got no response is status 0 with libcurl's reason",
          "[http][curl]") {
  std::uint16_t port = 0;
  {
    fake_server closed({plain_step(200, "{}")});
    port = closed.port();
  }
  easy h("http://127.0.0.1:" + std::to_string(port) + "/");
  errcat::curl_response response(h.get());
  CHECK(response.perform() == CURLE_COULDNT_CONNECT);
  const errcat::error err = errcat::parse_response(response);
  CHECK(err.status() == 0);
  CHECK(err.message() ==
        std::string("request failed: ") + curl_easy_strerror(CURLE_COULDNT_CONNECT));
}
