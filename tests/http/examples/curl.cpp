// libcurl: read an IAM error from an easy handle. errcat::curl_response collects the
// status, headers and body; errcat::parse_response makes the errcat::error.
#include <errcat/http/curl.hpp>
#include <errcat/testing/fake_server.hpp>

#include <iostream>
#include <optional>
#include <string>

int main(int argc, char** argv) {
  // Given no URL, a fake IAM on 127.0.0.1 answers: throttled, try again in 2 s.
  std::optional<errcat::testing::fake_server> iam;
  std::string url = argc > 1 ? argv[1] : "";
  if (url.empty()) {
    errcat::testing::step throttled =
        errcat::testing::error_step("IAM.0012", {{"threshold", "10"}, {"period_seconds", "60"}});
    throttled.headers.push_back({"Retry-After", "2"});
    iam.emplace(std::vector{throttled});
    url = iam->url() + "/v3/auth/tokens";
  }

  curl_global_init(CURL_GLOBAL_DEFAULT);
  CURL* handle = curl_easy_init();
  curl_easy_setopt(handle, CURLOPT_URL, url.c_str());
  curl_easy_setopt(handle, CURLOPT_TIMEOUT, 10L);
  errcat::error err;
  {
    errcat::curl_response response(handle);
    response.perform();
    err = errcat::parse_response(response);
  }
  curl_easy_cleanup(handle);
  curl_global_cleanup();

  std::cout << err.status() << ' ' << err.code() << ": " << err.message() << '\n';
  for (const errcat::argument& a : err.args())
    std::cout << "  " << a.name << " = " << a.value << '\n';
  std::cout << "  request id: " << err.request_id() << '\n';
  if (const auto delay = err.retry().after_seconds)
    std::cout << "  retry after " << *delay << " s\n";
  return err.known() ? 0 : 1;
}
