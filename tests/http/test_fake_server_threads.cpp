// The fake server hit by 8 client threads at once. tests/run-all.sh runs this program
// under ThreadSanitizer (the tsan preset), where any data race fails it.
#include <errcat/testing/fake_server.hpp>

#include <atomic>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>

#include "catch.hpp"

TEST_CASE("fake_server answers and records 8 client threads at once",
          "[http][fake_server][threads]") {
  using errcat::testing::error_step;
  using errcat::testing::plain_step;
  constexpr int threads = 8;
  constexpr int per_thread = 12;
  errcat::testing::fake_server server(
      {error_step("IAM.0012", {{"threshold", "10"}, {"period_seconds", "60"}}),
       error_step("IAM.0004", {{"target", "user"}, {"target_id", "42"}}), plain_step(200, "{}")});
  std::atomic<int> answered{0};
  std::atomic<int> failed{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < threads; ++t) {
    clients.emplace_back([&, t] {
      httplib::Client c("127.0.0.1", server.port());
      c.set_connection_timeout(10);
      c.set_read_timeout(10);
      for (int i = 0; i < per_thread; ++i) {
        const std::string path = "/t" + std::to_string(t) + "/" + std::to_string(i);
        const auto res = c.Post(path, "{\"n\":" + std::to_string(i) + "}", "application/json");
        if (res && (res->status == 429 || res->status == 404 || res->status == 200)) {
          ++answered;
        } else {
          ++failed;
        }
        (void)server.request_count();  // reading while others write
      }
    });
  }
  for (std::thread& c : clients)
    c.join();
  CHECK(failed == 0);
  CHECK(answered == threads * per_thread);
  const auto got = server.requests();
  REQUIRE(got.size() == static_cast<std::size_t>(threads * per_thread));
  std::set<std::string> paths;
  for (const auto& r : got) {
    CHECK(r.method == "POST");
    paths.insert(r.path);
  }
  CHECK(paths.size() == got.size());  // every request recorded once
}
