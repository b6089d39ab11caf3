// Exception safety and allocation: lookups and std::error_code conversion are noexcept and
// allocate nothing; make() under allocation failure throws std::bad_alloc and nothing else
// (the sanitizer builds catch any leak); parse_response never lets an exception escape and,
// whichever allocation fails, returns an error that still carries the status.
//
// This program links the tests' replacement operator new (support/alloc_hook.hpp), which
// counts allocations and can be told to fail the Nth one (or every one from the Nth on), so
// it is its own executable.
#include <errcat/apigw.hpp>
#include <errcat/iam.hpp>
#include <errcat/render.hpp>

#include <cstddef>
#include <cstdint>
#include <new>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>

#if defined(ERRCAT_TEST_HAVE_JSON)
#include <errcat/json.hpp>
#endif

#include "catch.hpp"
#include "support/alloc_hook.hpp"

namespace {

using errcat::testing_support::allocation_count;
using errcat::testing_support::fail_allocations;
using errcat::testing_support::failed_allocation_count;
using errcat::testing_support::stop_failing_allocations;

// Counts the allocations `f` makes, failing none.
template <class F>
long allocations_of(F&& f) {
  const std::size_t before = allocation_count();
  f();
  return static_cast<long>(allocation_count() - before);
}

// Runs `f` with allocation number `n` failing (and, with `after`, every one after it).
template <class F>
void with_failure_at(long n, bool after, F&& f) {
  fail_allocations(static_cast<std::size_t>(n), after);
  try {
    f();
  } catch (...) {
    stop_failing_allocations();
    throw;
  }
  stop_failing_allocations();
}

// The pointer goes through a volatile, because the compiler may drop a new-expression whose
// result is unused (GCC does at -O2), and the harness checks below need it to allocate.
template <class T>
void new_and_delete() {
  T* volatile p = new T();
  delete p;
}

}  // namespace

namespace iam = errcat::iam;

// Lookups and conversions are noexcept by declaration, not just in practice.
static_assert(noexcept(iam::catalog.find(std::string_view())));
static_assert(noexcept(iam::catalog.find(404, std::string_view())));
static_assert(noexcept(iam::catalog.find_all(std::string_view())));
static_assert(noexcept(iam::catalog.find_all(404, std::string_view())));
static_assert(noexcept(iam::catalog.find_key(std::string_view())));
static_assert(noexcept(iam::catalog.find_errc_value(0)));
static_assert(noexcept(iam::catalog.find_name(std::string_view())));
static_assert(noexcept(iam::entry_of(iam::errc::resource_not_found)));
static_assert(noexcept(iam::make_error_code(iam::errc::resource_not_found)));
static_assert(noexcept(iam::category()));
static_assert(noexcept(errcat::http_category()));
static_assert(noexcept(std::declval<const errcat::entry&>().error_code()));
static_assert(noexcept(std::declval<const errcat::error&>().error_code()));
static_assert(noexcept(std::declval<const errcat::error&>().status()));
static_assert(noexcept(std::declval<const errcat::error&>().code()));
static_assert(noexcept(std::declval<const std::error_category&>().default_error_condition(0)));
#if defined(ERRCAT_TEST_HAVE_JSON)
static_assert(noexcept(errcat::parse_response(0, std::string_view())));
static_assert(noexcept(errcat::parse_http_message(std::string_view())));
#endif

TEST_CASE("the allocation counter counts and fails allocations", "[alloc]") {
  // The harness itself must work, or the zero counts below would prove nothing.
  CHECK(allocations_of([] { new_and_delete<int>(); }) == 1);
  CHECK(allocations_of([] { std::string s(100, 'x'); }) == 1);
  CHECK_THROWS_AS(with_failure_at(1, false, [] { new_and_delete<int>(); }), std::bad_alloc);
  CHECK(allocations_of([] {}) == 0);
}

// An over-aligned type, so that `new` takes the aligned forms of operator new and delete.
struct alignas(64) wide {
  unsigned char bytes[64];
};

TEST_CASE("every form of operator new is counted and can fail", "[alloc]") {
  // A form the hook missed would go uncounted here, and under ASan its delete would not
  // match the runtime's allocator. Results are checked outside the counted code, whose
  // allocations CHECK would otherwise add to (or fail).
  std::uintptr_t address = 0;
  CHECK(allocations_of([] { new_and_delete<wide>(); }) == 1);
  CHECK(allocations_of([&] {
          wide* volatile p = new wide[3];
          address = reinterpret_cast<std::uintptr_t>(p);
          delete[] p;
        }) == 1);
  CHECK(address % alignof(wide) == 0);
  CHECK(allocations_of([] {
          char* volatile p = new char[3];
          delete[] p;
        }) == 1);
  CHECK(allocations_of([] {
          int* volatile p = new (std::nothrow) int(1);
          delete p;
        }) == 1);
  CHECK(allocations_of([] {
          wide* volatile p = new (std::nothrow) wide[2];
          delete[] p;
        }) == 1);
  CHECK_THROWS_AS(with_failure_at(1, false, [] { new_and_delete<wide>(); }), std::bad_alloc);

  // The nothrow forms return null instead, from the Nth allocation on.
  const std::size_t failed_before = failed_allocation_count();
  bool first = false;
  bool second = true;
  bool third = true;
  with_failure_at(2, true, [&] {
    int* volatile p1 = new (std::nothrow) int(1);
    first = p1 != nullptr;
    delete p1;
    int* volatile p2 = new (std::nothrow) int[2];
    second = p2 != nullptr;
    wide* volatile p3 = new (std::nothrow) wide;
    third = p3 != nullptr;
  });
  CHECK(first);
  CHECK_FALSE(second);
  CHECK_FALSE(third);
  CHECK(failed_allocation_count() - failed_before == 2);
  CHECK_NOTHROW(new_and_delete<wide>());
}

TEST_CASE("lookups and error_code conversions allocate nothing", "[alloc]") {
  long found = 0;
  const long n = allocations_of([&] {
    for (const errcat::catalog* c : {&iam::catalog, &errcat::apigw::catalog}) {
      for (const errcat::entry& e : *c) {
        found += c->find(e.code) != nullptr;
        found += c->find(e.status, e.code) != nullptr;
        found += !c->find_all(e.code).empty();
        found += c->find_errc_value(e.errc_value) == &e;
        found += c->find_name(e.name) == &e;
        const std::error_code ec = e.error_code();
        found += ec.value() == e.errc_value;
        found += ec == static_cast<errcat::http_status>(e.status);
        found +=
            ec.default_error_condition() == std::error_condition(e.status, errcat::http_category());
        found += ec != std::errc::permission_denied || e.status == 401 || e.status == 403;
        found += std::string_view(ec.category().name()) == c->service;
        const errcat::error err(e);
        found += err.error_code() == ec;
      }
    }
    found += iam::catalog.find("IAM.9999") == nullptr;
    found += iam::catalog.find(std::string_view("\xff\0", 2)) == nullptr;
    found += errcat::apigw::catalog.find("APIGW.0301") == errcat::apigw::catalog.find("APIG.0301");
    const std::error_code ec = iam::errc::resource_not_found;
    found += ec == errcat::http_status::not_found;
  });
  CHECK(n == 0);
  CHECK(found == 11 * static_cast<long>(iam::catalog.size() + errcat::apigw::catalog.size()) + 4);
}

TEST_CASE("looking up and converting without making errors allocates nothing at all", "[alloc]") {
  long found = 0;
  const long n = allocations_of([&] {
    for (const errcat::entry& e : iam::catalog) {
      found += iam::catalog.find(e.status, e.code) != nullptr;
      found += e.error_code() == static_cast<errcat::http_status>(e.status);
      found += errcat::error(e).error_code().value() == e.errc_value;
    }
  });
  CHECK(n == 0);
  CHECK(found == 3 * static_cast<long>(iam::catalog.size()));
}

TEST_CASE("rendering into a buffer with room allocates nothing", "[alloc]") {
  const errcat::entry& e = *iam::catalog.find("IAM.0004");
  std::string buffer;
  buffer.reserve(256);
  const long n = allocations_of([&] {
    for (int i = 0; i < 100; ++i) {
      buffer.clear();
      const errcat::param_value values[] = {"user", i};
      errcat::render_append(buffer, e, values);
    }
  });
  CHECK(n == 0);
  CHECK(buffer == "Could not find user: 99.");
}

TEST_CASE("make() under allocation failure throws bad_alloc and nothing else", "[alloc]") {
  auto make_one = [] {
    const errcat::error err = iam::make("IAM.0004", {{"target",
                                                      "a fairly long user name that "
                                                      "does not fit in a small string"},
                                                     {"target_id", 42}});
    return std::string(err.message()).size();
  };
  const long total = allocations_of(make_one);
  REQUIRE(total > 0);
  for (long n = 1; n <= total; ++n) {
    for (const bool after : {false, true}) {
      INFO("allocation " << n << " of " << total << (after ? " and every later one" : "")
                         << " fails");
      CHECK_THROWS_AS(with_failure_at(n, after, make_one), std::bad_alloc);
    }
  }
  CHECK_NOTHROW(with_failure_at(total + 1, false, make_one));
}

#if defined(ERRCAT_TEST_HAVE_JSON)
TEST_CASE("parse_response under allocation failure returns an error with the status",
          "[alloc][json]") {
  const std::string bodies[] = {
      R"({"error_msg": "Could not find user: 42.", "error_code": "IAM.0004", )"
      R"("request_id": "a-request-id-long-enough-to-allocate"})",
      R"({"error": {"code": 404, "message": "Could not find user: 42.", "title": "Not Found"}})",
      R"({"error_code": "APIGW.0301", "error_msg": "Incorrect IAM authentication information: x"})",
      "<html><body>502 Bad Gateway from a proxy, long enough to be kept on the heap</body></html>",
      R"({"error_code": "IAM.0004", "error_msg": "truncated)",
  };
  const errcat::http_header headers[] = {{"X-Request-Id", "header-request-id-that-is-long-too"}};
  for (const std::string& body : bodies) {
    const int status = body.find("APIGW") != std::string::npos ? 401 : 404;
    auto parse = [&] { return errcat::parse_response(status, body, headers); };
    errcat::error normal;
    const long total = allocations_of([&] { normal = parse(); });
    INFO(body << ": " << total << " allocations");
    REQUIRE(total > 0);
    for (long n = 1; n <= total; ++n) {
      for (const bool after : {false, true}) {
        INFO("allocation " << n << (after ? " and every later one" : "") << " fails");
        errcat::error err;
        // parse_response is noexcept: an exception escaping it would terminate the test.
        with_failure_at(n, after, [&] { err = parse(); });
        CHECK(err.status() == status);
      }
    }
    // And with no failure it gives what it gave before.
    const errcat::error again = parse();
    CHECK(again.status() == normal.status());
    CHECK(again.code() == normal.code());
    CHECK(again.message() == normal.message());
  }
}
#endif
