// GoogleTest: assert on errors with matchers that compose with gmock and, when they fail,
// print what the error held.
#include <errcat/iam.hpp>
#include <errcat/testing/gtest.hpp>

#include <gtest/gtest.h>

using namespace errcat::testing;  // ErrorIs, HasCode, HasStatus, HasParam, HasRequestId
using ::testing::AllOf;
using ::testing::Not;

// The code under test: what a client makes of IAM's answer to GET /v3/users/42.
errcat::error lookup_user() {
  return errcat::parse_response(
      404,
      R"({"error_code":"IAM.0004","error_msg":"Could not find user: 42.","request_id":"r-7"})");
}

TEST(LookupUser, ReportsTheMissingUser) {
  const errcat::error err = lookup_user();
  EXPECT_THAT(err, ErrorIs(errcat::iam::errc::resource_not_found));
  EXPECT_THAT(err, ErrorIs(errcat::http_status::not_found));
  EXPECT_THAT(err, AllOf(HasCode("IAM.0004"), HasStatus(404), HasParam("target_id", "42"),
                         HasRequestId("r-7"), Not(HasParam("target", "group"))));
  // A failing EXPECT_THAT(err, HasStatus(409)) prints:
  //   Expected: has status 409
  //     Actual: 404 IAM.0004 "Could not find user: 42." {target="user", target_id="42"} ...
}

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
