// std::error_code integration: the catalog categories, HTTP status conditions and the
// portable std::errc conditions codes are equivalent to.
#include <errcat/apigw.hpp>
#include <errcat/category.hpp>
#include <errcat/http_status.hpp>
#include <errcat/iam.hpp>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <system_error>

#include "catch.hpp"

namespace iam = errcat::iam;
namespace apigw = errcat::apigw;
using errcat::http_status;

namespace {

const errcat::entry& iam_entry(std::string_view code) {
  return *iam::catalog.find(code);
}

std::error_code iam_code(std::string_view code) {
  return iam_entry(code).error_code();
}

// Every enumerator of errcat::http_status, to check that the catalogs use no other status.
constexpr std::array all_statuses = {
    http_status::bad_request,
    http_status::unauthorized,
    http_status::forbidden,
    http_status::not_found,
    http_status::method_not_allowed,
    http_status::request_timeout,
    http_status::conflict,
    http_status::gone,
    http_status::payload_too_large,
    http_status::uri_too_long,
    http_status::too_many_requests,
    http_status::request_header_too_large,
    http_status::internal_server_error,
    http_status::not_implemented,
    http_status::bad_gateway,
    http_status::service_unavailable,
    http_status::gateway_timeout,
};

// The std::errc conditions generic_condition() can return.
constexpr std::array all_generic = {
    std::errc::invalid_argument,
    std::errc::permission_denied,
    std::errc::operation_not_supported,
    std::errc::timed_out,
    std::errc::message_size,
    std::errc::resource_unavailable_try_again,
    std::errc::function_not_supported,
};

}  // namespace

TEST_CASE("the iam category is named iam and the gateway's apigw", "[error_code]") {
  CHECK(std::string_view(iam::category().name()) == "iam");
  CHECK(std::string_view(apigw::category().name()) == "apigw");
  CHECK(std::string_view(errcat::http_category().name()) == "http");
}

TEST_CASE("each catalog has one category object, shared by its entries and errors",
          "[error_code]") {
  CHECK(&iam::category() == &iam::category());
  CHECK(&iam_entry("IAM.0004").category() == &iam::category());
  CHECK(&iam::make("IAM.0004").error_code().category() == &iam::category());
  const std::error_code ec = iam::errc::resource_not_found;
  CHECK(&ec.category() == &iam::category());
  CHECK(iam::category() != apigw::category());
  CHECK(&errcat::http_category() == &errcat::http_category());
}

TEST_CASE("a category's message is the entry's description", "[error_code]") {
  CHECK(iam::category().message(static_cast<int>(iam::errc::resource_not_found)) ==
        "The requested resource cannot be found.");
  for (const errcat::entry& e : iam::catalog) {
    CHECK(e.error_code().message() == e.description);
  }
  for (const errcat::entry& e : apigw::catalog) {
    CHECK(e.error_code().message() == e.description);
  }
}

TEST_CASE("an unknown value's message says so and names the value", "[error_code]") {
  CHECK(iam::category().message(7) == "unknown iam error 7");
  CHECK(apigw::category().message(-1) == "unknown apigw error -1");
  const std::error_code ec(7, iam::category());
  CHECK(ec.default_error_condition() == std::error_condition(7, iam::category()));
  CHECK_FALSE(ec == http_status::not_found);
  CHECK_FALSE(ec == std::errc::permission_denied);
}

TEST_CASE("an errc enumerator converts to its std::error_code", "[error_code]") {
  STATIC_REQUIRE(std::is_error_code_enum_v<iam::errc>);
  STATIC_REQUIRE(std::is_error_code_enum_v<apigw::errc>);
  STATIC_REQUIRE(std::is_error_condition_enum_v<http_status>);
  const std::error_code ec = iam::errc::resource_not_found;
  CHECK(ec.value() == 404010004);
  CHECK(ec.value() == iam_entry("IAM.0004").errc_value);
  CHECK(ec == iam_code("IAM.0004"));
  CHECK(ec == make_error_code(iam::errc::resource_not_found));  // found by ADL
  CHECK(ec != std::error_code(iam::errc::authentication_required));
}

TEST_CASE("error::error_code gives the same code as the enumerator", "[error_code]") {
  const errcat::error err = iam::make<"IAM.0004">("user", 42);
  CHECK(err.error_code() == std::error_code(iam::errc::resource_not_found));
  CHECK(iam::make(iam::errc::token_expired).error_code() ==
        std::error_code(iam::errc::token_expired));
  CHECK(apigw::make("APIGW.0308").error_code() ==
        std::error_code(apigw::errc::throttling_threshold_reached));
  CHECK_FALSE(errcat::error().error_code());
}

TEST_CASE("IAM.0004 is not_found and IAM.0001 is not", "[error_code][http_status]") {
  const std::error_code ec = iam::errc::resource_not_found;
  CHECK(ec == http_status::not_found);
  CHECK_FALSE(ec != http_status::not_found);
  CHECK_FALSE(ec == http_status::bad_request);
  CHECK(ec.default_error_condition() == http_status::not_found);
  const std::error_code auth = iam_code("IAM.0001");
  CHECK_FALSE(auth == http_status::not_found);
  CHECK(auth == http_status::unauthorized);
}

TEST_CASE("every catalog code is equivalent to its status condition only",
          "[error_code][http_status]") {
  auto check = [](const errcat::catalog& c) {
    for (const errcat::entry& e : c) {
      const std::error_code ec = e.error_code();
      INFO(e.code << " (" << e.status << ")");
      CHECK(ec.default_error_condition() ==
            std::error_condition(e.status, errcat::http_category()));
      for (http_status s : all_statuses) {
        CHECK((ec == s) == (static_cast<int>(s) == e.status));
      }
    }
  };
  check(iam::catalog);
  check(apigw::catalog);
}

TEST_CASE("every status a catalog uses is an http_status enumerator with its own phrase",
          "[http_status]") {
  auto check = [](const errcat::catalog& c) {
    for (const errcat::entry& e : c) {
      INFO(e.code << " (" << e.status << ")");
      CHECK(std::any_of(all_statuses.begin(), all_statuses.end(),
                        [&](http_status s) { return static_cast<int>(s) == e.status; }));
      CHECK(errcat::reason_phrase(e.status) != "Client Error");
      CHECK(errcat::reason_phrase(e.status) != "Server Error");
    }
  };
  check(iam::catalog);
  check(apigw::catalog);
  CHECK(errcat::http_category().message(404) == "404 Not Found");
  CHECK(errcat::http_category().message(494) == "494 Request Header Too Large");
}

TEST_CASE("401 and 403 codes compare equal to std::errc::permission_denied",
          "[error_code][generic]") {
  CHECK(iam_code("IAM.0001") == std::errc::permission_denied);  // 401
  CHECK(iam_code("IAM.0002") == std::errc::permission_denied);  // 403
  CHECK(std::error_code(apigw::errc::iam_authentication_incorrect) == std::errc::permission_denied);
  CHECK_FALSE(iam_code("IAM.0004") == std::errc::permission_denied);
  CHECK_FALSE(iam_code("IAM.0006") == std::errc::permission_denied);
}

TEST_CASE("429 codes compare equal to std::errc::resource_unavailable_try_again",
          "[error_code][generic]") {
  CHECK(iam_code("IAM.0012") == std::errc::resource_unavailable_try_again);
  CHECK(std::error_code(apigw::errc::throttling_threshold_reached) ==
        std::errc::resource_unavailable_try_again);
  CHECK_FALSE(iam_code("IAM.0001") == std::errc::resource_unavailable_try_again);
}

TEST_CASE("the generic mapping is the documented table", "[generic]") {
  using errcat::generic_condition;
  CHECK(generic_condition(400) == std::errc::invalid_argument);
  CHECK(generic_condition(401) == std::errc::permission_denied);
  CHECK(generic_condition(403) == std::errc::permission_denied);
  CHECK(generic_condition(405) == std::errc::operation_not_supported);
  CHECK(generic_condition(408) == std::errc::timed_out);
  CHECK(generic_condition(413) == std::errc::message_size);
  CHECK(generic_condition(429) == std::errc::resource_unavailable_try_again);
  CHECK(generic_condition(501) == std::errc::function_not_supported);
  CHECK(generic_condition(503) == std::errc::resource_unavailable_try_again);
  CHECK(generic_condition(504) == std::errc::timed_out);
  for (int status : {404, 409, 410, 414, 494, 500, 502}) {
    INFO(status);
    CHECK_FALSE(generic_condition(status).has_value());
  }
}

TEST_CASE("every code equals exactly its status's generic condition", "[error_code][generic]") {
  auto check = [](const errcat::catalog& c) {
    for (const errcat::entry& e : c) {
      const std::error_code ec = e.error_code();
      const auto expected = errcat::generic_condition(e.status);
      INFO(e.code << " (" << e.status << ")");
      for (std::errc g : all_generic) {
        CHECK((ec == g) == (expected == g));
      }
    }
  };
  check(iam::catalog);
  check(apigw::catalog);
}

TEST_CASE("an error with an unknown code converts through its status", "[error_code]") {
  const errcat::error err(503, "IAM.9999", "Service busy.");
  const std::error_code ec = err.error_code();
  CHECK(&ec.category() == &errcat::http_category());
  CHECK(ec.value() == 503);
  CHECK(ec == http_status::service_unavailable);
  CHECK(ec == std::errc::resource_unavailable_try_again);
  CHECK_FALSE(ec == http_status::not_found);
  CHECK(ec.message() == "503 Service Unavailable");
}

TEST_CASE("the same value in two catalogs gives different codes", "[error_code]") {
  const int value = static_cast<int>(apigw::errc::throttling_threshold_reached);
  const std::error_code a(value, apigw::category());
  const std::error_code b(value, iam::category());
  CHECK(a != b);
  CHECK(a == http_status::too_many_requests);
  CHECK_FALSE(b == http_status::too_many_requests);  // no iam entry has that value
}
