// parse_response under allocation failure: every allocation it makes is failed in turn,
// and each time it must return (not throw, not crash) an error that keeps the status. It
// links the tests' replacement operator new (support/alloc_hook.hpp), so it is a program of
// its own.
#include <errcat/json.hpp>

#include <cstddef>
#include <string>

#include "catch.hpp"
#include "support/alloc_hook.hpp"

namespace {

using errcat::testing_support::failed_allocation_count;

// Runs `f` with its first `n` allocations succeeding and every later one failing, and
// returns how many failed.
template <class F>
std::size_t failures_when_only_first(long n, F&& f) {
  const std::size_t before = failed_allocation_count();
  errcat::testing_support::fail_allocations(static_cast<std::size_t>(n) + 1, true);
  f();
  errcat::testing_support::stop_failing_allocations();
  return failed_allocation_count() - before;
}

}  // namespace

TEST_CASE("parse_response keeps the status when any allocation fails", "[json][alloc]") {
  const std::string body =
      R"({"error_code": "IAM.0004", "error_msg": "Could not find user: 42.", "request_id": "r1"})";
  const errcat::http_header headers[] = {{"X-Request-Id", "abc"}};
  std::size_t failures_seen = 0;
  bool completed = false;
  for (long n = 0; n < 10000 && !completed; ++n) {
    errcat::error err;
    const std::size_t failed =
        failures_when_only_first(n, [&] { err = errcat::parse_response(404, body, headers); });
    failures_seen += failed;
    CHECK(err.status() == 404);
    if (failed == 0) {
      completed = true;
      CHECK(err.code() == "IAM.0004");
      CHECK(err.value_of("target_id") == "42");
    }
  }
  CHECK(completed);
  CHECK(failures_seen > 0);
}

TEST_CASE("parse_http_message keeps the status when any allocation fails", "[json][alloc]") {
  const std::string raw =
      "HTTP/1.1 429 Too Many Requests\r\nX-Request-Id: z\r\n\r\n<html>slow "
      "down</html>";
  bool completed = false;
  for (long n = 0; n < 10000 && !completed; ++n) {
    errcat::error err;
    const std::size_t failed =
        failures_when_only_first(n, [&] { err = errcat::parse_http_message(raw); });
    CHECK(err.status() == 429);
    completed = failed == 0;
    if (completed) CHECK(err.raw_body() == "<html>slow down</html>");
  }
  CHECK(completed);
}
