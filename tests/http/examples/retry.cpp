// Retrying what the catalog says may succeed later: IAM.0012 is "throttled", so the client
// waits as long as Retry-After advises and tries again, at most 4 times.
#include <errcat/http/httplib.hpp>
#include <errcat/retry.hpp>
#include <errcat/testing/fake_server.hpp>

#include <chrono>
#include <cstdint>
#include <iostream>
#include <thread>

int main() {
  // Throttled twice (Retry-After: 1), then the token.
  errcat::testing::step throttled =
      errcat::testing::error_step("IAM.0012", {{"threshold", "10"}, {"period_seconds", "60"}});
  throttled.headers.push_back({"Retry-After", "1"});
  errcat::testing::fake_server iam(
      {throttled, throttled, errcat::testing::plain_step(201, R"({"token":{}})")});

  httplib::Client client("127.0.0.1", iam.port());
  client.set_read_timeout(10);
  const auto start = std::chrono::steady_clock::now();
  int status = 0;
  for (int attempt = 1; attempt <= 4; ++attempt) {
    const httplib::Result res =
        client.Post("/v3/auth/tokens", R"({"auth":{}})", "application/json");
    status = res ? res->status : 0;
    if (res && res->status < 400) break;
    const errcat::error err = errcat::parse_response(res);
    // The catalog says whether a later try can succeed; err.retry() also reads the response.
    if (err.retry().advice == errcat::retry_class::never) break;
    // Retry-After when the server sent it, else the pace IAM.0012's message states.
    const std::int64_t delay = err.retry().after_seconds.value_or(1);
    std::cout << "attempt " << attempt << ": " << err.code() << ", retrying in " << delay << " s\n";
    std::this_thread::sleep_for(std::chrono::seconds(delay));
  }
  const std::chrono::duration<double> waited = std::chrono::steady_clock::now() - start;
  std::cout << "status " << status << " after " << iam.request_count() << " requests, waited "
            << static_cast<int>(waited.count() * 10) / 10.0 << " s\n";
  for (const errcat::testing::received_request& r : iam.requests())
    std::cout << "  " << r.method << ' ' << r.path << '\n';
  return status == 201 && iam.request_count() == 3 ? 0 : 1;
}
