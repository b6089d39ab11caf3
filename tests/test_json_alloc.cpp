// parse_response under allocation failure: every allocation it makes is failed in turn,
// and each time it must return (not throw, not crash) an error that keeps the status.
#include <errcat/json.hpp>

#include <atomic>
#include <cstdlib>
#include <new>
#include <string>

#include "catch.hpp"

namespace {
// -1: never fail; otherwise the number of allocations still allowed to succeed.
std::atomic<long> allocations_left{-1};
std::atomic<long> allocations_failed{0};
}  // namespace

void* operator new(std::size_t n) {
  long left = allocations_left.load();
  while (left >= 0) {
    if (left == 0) {
      ++allocations_failed;
      throw std::bad_alloc();
    }
    if (allocations_left.compare_exchange_weak(left, left - 1)) break;
  }
  if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
  throw std::bad_alloc();
}
// Every form is replaced, so each allocation and release goes through malloc and free:
// leaving the array and nothrow forms to the runtime pairs its allocator with ours, which
// AddressSanitizer reports as an alloc-dealloc mismatch.
void* operator new[](std::size_t n) {
  return ::operator new(n);
}
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
  try {
    return ::operator new(n);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](std::size_t n, const std::nothrow_t& t) noexcept {
  return ::operator new(n, t);
}
void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete[](void* p) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::size_t) noexcept {
  std::free(p);
}
void operator delete(void* p, const std::nothrow_t&) noexcept {
  std::free(p);
}
void operator delete[](void* p, const std::nothrow_t&) noexcept {
  std::free(p);
}

TEST_CASE("parse_response keeps the status when any allocation fails", "[json][alloc]") {
  const std::string body =
      R"({"error_code": "IAM.0004", "error_msg": "Could not find user: 42.", "request_id": "r1"})";
  const errcat::http_header headers[] = {{"X-Request-Id", "abc"}};
  long failures_seen = 0;
  bool completed = false;
  for (long n = 0; n < 10000 && !completed; ++n) {
    allocations_failed = 0;
    allocations_left = n;
    const errcat::error err = errcat::parse_response(404, body, headers);
    allocations_left = -1;
    failures_seen += allocations_failed.load();
    CHECK(err.status() == 404);
    if (allocations_failed.load() == 0) {
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
    allocations_failed = 0;
    allocations_left = n;
    const errcat::error err = errcat::parse_http_message(raw);
    allocations_left = -1;
    CHECK(err.status() == 429);
    completed = allocations_failed.load() == 0;
    if (completed) CHECK(err.raw_body() == "<html>slow down</html>");
  }
  CHECK(completed);
}
