// Talks to the installed fake server with each installed adapter and checks the result
// with the installed GoogleTest matchers.
#include <errcat/http/beast.hpp>
#include <errcat/http/curl.hpp>
#include <errcat/http/httplib.hpp>
#include <errcat/testing/fake_server.hpp>
#include <errcat/testing/gtest.hpp>

#include <cstdio>

int main() {
  using namespace errcat::testing;
  fake_server server({error_step("IAM.0004", {{"target", "user"}, {"target_id", "42"}})});
  const auto expected = ::testing::AllOf(HasCode("IAM.0004"), HasParam("target_id", "42"));

  CURL* h = curl_easy_init();
  const std::string url = server.url() + "/v3/users/42";
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 10000L);
  errcat::error from_curl;
  {
    errcat::curl_response response(h);
    response.perform();
    from_curl = errcat::parse_response(response);
  }
  curl_easy_cleanup(h);

  httplib::Client client("127.0.0.1", server.port());
  client.set_read_timeout(10);
  const errcat::error from_httplib = errcat::parse_response(client.Get("/v3/users/42"));

  boost::beast::http::response<boost::beast::http::string_body> res;
  errcat::write_response(res, from_httplib);
  const errcat::error from_beast = errcat::parse_response(res);

  const bool ok = ::testing::Value(from_curl, expected) &&
                  ::testing::Value(from_httplib, expected) &&
                  ::testing::Value(from_beast, expected);
  std::printf("%s\n", ok ? "errcat http consumer: ok" : "errcat http consumer: FAILED");
  return ok ? 0 : 1;
}
