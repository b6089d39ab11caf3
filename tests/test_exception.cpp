// errcat::exception: an errcat::error through std::system_error handlers, and errors as
// values for expected-style code.
#include <errcat/exception.hpp>
#include <errcat/iam.hpp>

#include <exception>
#include <string>
#include <system_error>
#include <type_traits>
#include <variant>

#include "catch.hpp"

namespace iam = errcat::iam;

namespace {

errcat::error not_found() {
  return iam::make<"IAM.0004">("user", 42);
}

// A function in the expected style: a value or the error that prevented it.
std::variant<int, errcat::error> find_user(int id) {
  if (id == 1) return 1;
  return iam::make<"IAM.0004">("user", id);
}

}  // namespace

TEST_CASE("an errcat::exception is caught as std::system_error with the error's code",
          "[exception]") {
  const errcat::error err = not_found();
  try {
    throw errcat::exception(err);
  } catch (const std::system_error& e) {
    CHECK(e.code() == err.error_code());
    CHECK(e.code() == std::error_code(iam::errc::resource_not_found));
    CHECK(e.code() == errcat::http_status::not_found);
    CHECK(std::string(e.what()) == "IAM.0004: Could not find user: 42.");
    return;
  }
  FAIL("not caught as std::system_error");
}

TEST_CASE("an errcat::exception is caught as std::exception with the same what()", "[exception]") {
  try {
    throw errcat::exception(not_found());
  } catch (const std::exception& e) {
    CHECK(std::string(e.what()) == "IAM.0004: Could not find user: 42.");
    return;
  }
  FAIL("not caught as std::exception");
}

TEST_CASE("what() holds the code and message, not the category's description", "[exception]") {
  const errcat::exception e(not_found());
  const std::string what = e.what();
  CHECK(what.rfind("IAM.0004: ", 0) == 0);
  CHECK(what.find(not_found().description()) == std::string::npos);
}

TEST_CASE("an errcat::exception carries the whole error", "[exception]") {
  errcat::error err = not_found();
  err.set_request_id("req-7");
  try {
    throw errcat::exception(err);
  } catch (const errcat::exception& e) {
    CHECK(e.error() == err);
    CHECK(e.error().message() == "Could not find user: 42.");
    CHECK(e.error().value_of("target_id") == "42");
    CHECK(e.error().request_id() == "req-7");
    CHECK(e.error().entry() == iam::catalog.find("IAM.0004"));
    return;
  }
  FAIL("not caught as errcat::exception");
}

TEST_CASE("raise throws the error as an errcat::exception", "[exception]") {
  CHECK_THROWS_AS(errcat::raise(not_found()), errcat::exception);
  CHECK_THROWS_WITH(errcat::raise(iam::make<"IAM.0001">()),
                    "IAM.0001: The request you have made requires authentication.");
  try {
    errcat::raise(iam::make<"IAM.0012">(100, 60));
  } catch (const std::system_error& e) {
    CHECK(e.code() == std::errc::resource_unavailable_try_again);
  }
}

TEST_CASE("an unknown code keeps its status as the exception's code", "[exception]") {
  const errcat::exception e(errcat::error(503, "IAM.9999", "Try later."));
  CHECK(std::string(e.what()) == "IAM.9999: Try later.");
  CHECK(e.code() == errcat::http_status::service_unavailable);
  CHECK(&e.code().category() == &errcat::http_category());
}

TEST_CASE("an empty error still gives a non-empty what()", "[exception]") {
  const errcat::exception e{errcat::error()};
  CHECK(std::string(e.what()) == "errcat: empty error");
  CHECK_FALSE(e.code());
}

TEST_CASE("copying an exception cannot throw and keeps its text", "[exception]") {
  STATIC_REQUIRE(std::is_nothrow_copy_constructible_v<errcat::exception>);
  STATIC_REQUIRE(std::is_nothrow_copy_assignable_v<errcat::exception>);
  STATIC_REQUIRE(std::is_base_of_v<std::system_error, errcat::exception>);
  const errcat::exception a(not_found());
  errcat::exception b(iam::make<"IAM.0001">());
  b = a;
  CHECK(std::string(b.what()) == a.what());
  CHECK(b.error() == a.error());
  // A std::exception_ptr copies or refers to the exception; either way it stays whole.
  const std::exception_ptr p = std::make_exception_ptr(a);
  try {
    std::rethrow_exception(p);
  } catch (const errcat::exception& e) {
    CHECK(std::string(e.what()) == "IAM.0004: Could not find user: 42.");
  }
}

TEST_CASE("an error is a value type for expected-style code", "[exception][error]") {
  STATIC_REQUIRE(std::is_nothrow_copy_constructible_v<errcat::error>);
  STATIC_REQUIRE(std::is_nothrow_move_constructible_v<errcat::error>);
  STATIC_REQUIRE(std::is_nothrow_copy_assignable_v<errcat::error>);
  STATIC_REQUIRE(std::equality_comparable<errcat::error>);
  const auto found = find_user(1);
  REQUIRE(std::holds_alternative<int>(found));
  CHECK(std::get<int>(found) == 1);
  const auto missing = find_user(2);
  REQUIRE(std::holds_alternative<errcat::error>(missing));
  const errcat::error& err = std::get<errcat::error>(missing);
  CHECK(err == iam::make(iam::errc::resource_not_found));  // compared by status and code
  CHECK(err.error_code() == errcat::http_status::not_found);
  CHECK(err.message() == "Could not find user: 2.");
}
