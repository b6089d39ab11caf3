// The google.rpc.Code table and the HTTP mapping in both directions.
#include <errcat/canonical_code.hpp>

#include <cstdint>
#include <string>

#include "catch.hpp"

using errcat::canonical_code;

TEST_CASE("the table lists every canonical code once, in numeric order, with its name",
          "[formats][canonical]") {
  std::size_t i = 0;
  for (const errcat::canonical_code_info& info : errcat::canonical_codes) {
    CHECK(static_cast<std::size_t>(info.code) == i);
    CHECK(errcat::canonical_code_named(info.name) == info.code);
    CHECK(errcat::name_of(info.code) == info.name);
    ++i;
  }
  CHECK(i == 17);
  CHECK(errcat::name_of(canonical_code::unauthenticated) == "UNAUTHENTICATED");
  CHECK_FALSE(errcat::canonical_code_named("not_found").has_value());
  CHECK_FALSE(errcat::canonical_code_named("").has_value());
}

TEST_CASE("HTTP statuses map to canonical codes by the standard table", "[formats][canonical]") {
  static_assert(errcat::canonical_code_for(404) == canonical_code::not_found);
  CHECK(errcat::canonical_code_for(400) == canonical_code::invalid_argument);
  CHECK(errcat::canonical_code_for(401) == canonical_code::unauthenticated);
  CHECK(errcat::canonical_code_for(403) == canonical_code::permission_denied);
  CHECK(errcat::canonical_code_for(404) == canonical_code::not_found);
  CHECK(errcat::canonical_code_for(409) == canonical_code::aborted);
  CHECK(errcat::canonical_code_for(416) == canonical_code::out_of_range);
  CHECK(errcat::canonical_code_for(429) == canonical_code::resource_exhausted);
  CHECK(errcat::canonical_code_for(499) == canonical_code::cancelled);
  CHECK(errcat::canonical_code_for(501) == canonical_code::unimplemented);
  CHECK(errcat::canonical_code_for(503) == canonical_code::unavailable);
  CHECK(errcat::canonical_code_for(504) == canonical_code::deadline_exceeded);
  // The classes' catch-alls.
  CHECK(errcat::canonical_code_for(405) == canonical_code::failed_precondition);
  CHECK(errcat::canonical_code_for(494) == canonical_code::failed_precondition);
  CHECK(errcat::canonical_code_for(500) == canonical_code::internal);
  CHECK(errcat::canonical_code_for(502) == canonical_code::internal);
  CHECK(errcat::canonical_code_for(200) == canonical_code::ok);
  CHECK(errcat::canonical_code_for(302) == canonical_code::unknown);
  CHECK(errcat::canonical_code_for(0) == canonical_code::unknown);
  CHECK(errcat::canonical_code_for(-1) == canonical_code::unknown);
}

TEST_CASE("canonical codes map to the HTTP statuses code.proto documents", "[formats][canonical]") {
  CHECK(errcat::http_status_of(canonical_code::ok) == 200);
  CHECK(errcat::http_status_of(canonical_code::cancelled) == 499);
  CHECK(errcat::http_status_of(canonical_code::unknown) == 500);
  CHECK(errcat::http_status_of(canonical_code::invalid_argument) == 400);
  CHECK(errcat::http_status_of(canonical_code::deadline_exceeded) == 504);
  CHECK(errcat::http_status_of(canonical_code::not_found) == 404);
  CHECK(errcat::http_status_of(canonical_code::already_exists) == 409);
  CHECK(errcat::http_status_of(canonical_code::permission_denied) == 403);
  CHECK(errcat::http_status_of(canonical_code::resource_exhausted) == 429);
  CHECK(errcat::http_status_of(canonical_code::failed_precondition) == 400);
  CHECK(errcat::http_status_of(canonical_code::aborted) == 409);
  CHECK(errcat::http_status_of(canonical_code::out_of_range) == 400);
  CHECK(errcat::http_status_of(canonical_code::unimplemented) == 501);
  CHECK(errcat::http_status_of(canonical_code::internal) == 500);
  CHECK(errcat::http_status_of(canonical_code::unavailable) == 503);
  CHECK(errcat::http_status_of(canonical_code::data_loss) == 500);
  CHECK(errcat::http_status_of(canonical_code::unauthenticated) == 401);
}

TEST_CASE("a status's canonical code maps back to the same status where the table is one to one",
          "[formats][canonical]") {
  for (int status : {400, 401, 403, 404, 409, 429, 499, 501, 503, 504}) {
    INFO(status);
    CHECK(errcat::http_status_of(errcat::canonical_code_for(status)) == status);
  }
}
