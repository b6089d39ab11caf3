// Beast and cpp-httplib as servers, read by an independent client (libcurl): a handler
// that answers with an errcat::error sends exactly to_body's bytes, with the right status
// and headers, and libcurl reads them back to the same entry.
#include <errcat/http/beast.hpp>
#include <errcat/http/curl.hpp>
#include <errcat/http/httplib.hpp>
#include <errcat/iam.hpp>

#include <string>
#include <thread>

#include "beast_support.hpp"
#include "catch.hpp"

namespace {

struct fetched {
  CURLcode result;
  int status;
  std::string body;
  std::string content_type, request_id, retry_after, www_authenticate;
  errcat::error err;
};

fetched curl_get(std::uint16_t port) {
  CURL* h = curl_easy_init();
  REQUIRE(h != nullptr);
  const std::string url = "http://127.0.0.1:" + std::to_string(port) + "/v3/users/42";
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 10000L);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  fetched f;
  {
    errcat::curl_response response(h);
    f.result = response.perform();
    f.status = response.status();
    f.body = response.body();
    const auto headers = response.headers();
    for (const errcat::http_header& hd : headers) {
      if (hd.name == "Content-Type") f.content_type = hd.value;
      if (hd.name == "X-Request-Id") f.request_id = hd.value;
      if (hd.name == "Retry-After") f.retry_after = hd.value;
      if (hd.name == "WWW-Authenticate") f.www_authenticate = hd.value;
    }
    f.err = errcat::parse_response(response);
  }
  curl_easy_cleanup(h);
  return f;
}

// The errors a handler answers with, and the options it uses.
struct answer {
  errcat::error err;
  errcat::response_options options;
};

std::vector<answer> answers() {
  std::vector<answer> out;
  answer throttled{errcat::iam::make("IAM.0012", {{"threshold", 10}, {"period_seconds", 60}})
                       .set_request_id("0123456789abcdef0123456789abcdef"),
                   {}};
  throttled.options.retry.after_seconds = 2;
  out.push_back(throttled);
  answer not_found{errcat::iam::make("IAM.0004", {{"target", "user"}, {"target_id", "42"}}), {}};
  not_found.options.style = errcat::body_style::keystone;
  out.push_back(not_found);
  answer unauthorized{errcat::iam::make("IAM.0001"), {}};
  unauthorized.options.style = errcat::body_style::keystone;
  unauthorized.options.keystone_uri = "https://iam.example.com:5000";
  out.push_back(unauthorized);
  answer combined{errcat::iam::make("IAM.0004", {{"target", "group"}, {"target_id", "g-7"}}), {}};
  combined.options.style = errcat::body_style::combined;
  out.push_back(combined);
  answer problem{errcat::iam::make("IAM.0004", {{"target", "project"}, {"target_id", "p-1"}}), {}};
  problem.options.style = errcat::body_style::problem;
  problem.options.instance = "/v3/projects/p-1";
  out.push_back(problem);
  answer google{errcat::iam::make("IAM.0012", {{"threshold", 5}, {"period_seconds", 1}}), {}};
  google.options.style = errcat::body_style::google;
  google.options.retry = {errcat::retry_class::throttled, 1};
  out.push_back(google);
  return out;
}

void check_read_back(const fetched& f, const answer& a) {
  CHECK(f.result == CURLE_OK);
  CHECK(f.status == a.err.status());
  errcat::body_options body;
  body.instance = a.options.instance;
  body.retry = a.options.retry;
  CHECK(f.body == errcat::to_body(a.err, a.options.style, body));
  CHECK(f.content_type == errcat::content_type(a.options.style));
  CHECK(f.request_id == a.err.request_id());
  CHECK(f.retry_after ==
        (a.options.retry.after_seconds ? std::to_string(*a.options.retry.after_seconds) : ""));
  CHECK(f.www_authenticate == (a.err.status() == 401
                                   ? "Keystone uri=\"" + std::string(a.options.keystone_uri) + "\""
                                   : ""));
  CHECK(f.err.entry() == a.err.entry());
  if (a.options.retry.after_seconds)
    CHECK(f.err.retry().after_seconds == a.options.retry.after_seconds);
  CHECK(f.err.message() == a.err.message());
  for (const errcat::argument& arg : a.err.args())
    CHECK(f.err.value_of(arg.name) == arg.value);
}

}  // namespace

TEST_CASE("a Beast server's errcat answer is read back by libcurl byte for byte",
          "[http][beast][curl]") {
  for (const answer& a : answers()) {
    CAPTURE(a.err.code(), a.options.style);
    errcat_test::beast_server server(
        [&](const auto&, auto& res) { errcat::write_response(res, a.err, a.options); });
    check_read_back(curl_get(server.port()), a);
  }
}

TEST_CASE("a cpp-httplib server's errcat answer is read back by libcurl byte for byte",
          "[http][httplib][curl]") {
  for (const answer& a : answers()) {
    CAPTURE(a.err.code(), a.options.style);
    httplib::Server server;
    server.Get(".*", [&](const httplib::Request&, httplib::Response& res) {
      errcat::write_response(res, a.err, a.options);
    });
    const int port = server.bind_to_any_port("127.0.0.1");
    REQUIRE(port > 0);
    std::thread listener([&] { server.listen_after_bind(); });
    for (int i = 0; i < 5000 && !server.is_running(); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    const fetched f = curl_get(static_cast<std::uint16_t>(port));
    server.stop();
    listener.join();
    check_read_back(f, a);
  }
}
