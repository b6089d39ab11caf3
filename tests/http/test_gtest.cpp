// The GoogleTest matchers: each passes and fails where it should, composes with gmock, and a
// failure names what the error held (asserted on the text GoogleTest prints).
#include <errcat/iam.hpp>
#include <errcat/testing/gtest.hpp>

#include <string>

#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

using errcat::testing::ErrorIs;
using errcat::testing::HasCode;
using errcat::testing::HasParam;
using errcat::testing::HasRequestId;
using errcat::testing::HasStatus;
using ::testing::AllOf;
using ::testing::Not;

namespace {

errcat::error not_found() {
  return errcat::iam::make("IAM.0004", {{"target", "user"}, {"target_id", "42"}})
      .set_request_id("r-1");
}

constexpr const char* held =
    R"(which holds 404 IAM.0004 "Could not find user: 42." {target="user", target_id="42"} request_id="r-1")";

// What a matcher explains for `err`, and whether it matched.
std::pair<bool, std::string> explain(const ::testing::Matcher<const errcat::error&>& m,
                                     const errcat::error& err) {
  ::testing::StringMatchResultListener listener;
  const bool matched = m.MatchAndExplain(err, &listener);
  return {matched, listener.str()};
}

}  // namespace

TEST(ErrorIs, MatchesTheEntrysErrcAndTheStatusCondition) {
  EXPECT_THAT(not_found(), ErrorIs(errcat::iam::errc::resource_not_found));
  EXPECT_THAT(not_found(), ErrorIs(errcat::http_status::not_found));
}

TEST(ErrorIs, FailsForAnotherErrcNamingWhatTheErrorHeld) {
  const auto m = ErrorIs(errcat::iam::errc::throttling_threshold_reached);
  const auto [matched, why] = explain(m, not_found());
  EXPECT_FALSE(matched);
  EXPECT_EQ(why, held);
  const int value = static_cast<int>(errcat::iam::errc::throttling_threshold_reached);
  EXPECT_EQ(
      ::testing::DescribeMatcher<const errcat::error&>(m),
      "is error iam:" + std::to_string(value) + " (The throttling threshold has been reached.)");
}

TEST(HasCode, PassesAndFails) {
  EXPECT_THAT(not_found(), HasCode("IAM.0004"));
  const auto m = HasCode("IAM.0005");
  const auto [matched, why] = explain(m, not_found());
  EXPECT_FALSE(matched);
  EXPECT_EQ(why, held);
  EXPECT_EQ(::testing::DescribeMatcher<const errcat::error&>(m), R"(has code "IAM.0005")");
}

TEST(HasStatus, PassesAndFails) {
  EXPECT_THAT(not_found(), HasStatus(404));
  const auto m = HasStatus(409);
  const auto [matched, why] = explain(m, not_found());
  EXPECT_FALSE(matched);
  EXPECT_EQ(why, held);
  EXPECT_EQ(::testing::DescribeMatcher<const errcat::error&>(m), "has status 409");
}

TEST(HasParam, PassesAndFailsForAnotherValueOrAMissingParameter) {
  EXPECT_THAT(not_found(), HasParam("target_id", "42"));
  const auto [matched, why] = explain(HasParam("target", "group"), not_found());
  EXPECT_FALSE(matched);
  EXPECT_EQ(why, held);
  EXPECT_FALSE(explain(HasParam("threshold", "10"), not_found()).first);
  EXPECT_EQ(::testing::DescribeMatcher<const errcat::error&>(HasParam("target", "group")),
            R"(has parameter "target" = "group")");
}

TEST(HasRequestId, PassesAndFails) {
  EXPECT_THAT(not_found(), HasRequestId("r-1"));
  const auto [matched, why] = explain(HasRequestId("r-2"), not_found());
  EXPECT_FALSE(matched);
  EXPECT_EQ(why, held);
}

TEST(Matchers, ComposeWithAllOfAndNot) {
  EXPECT_THAT(not_found(), AllOf(HasCode("IAM.0004"), HasStatus(404),
                                 Not(HasParam("target", "group")), Not(HasRequestId("r-2"))));
  EXPECT_EQ(::testing::DescribeMatcher<const errcat::error&>(Not(HasStatus(404))),
            "not (has status 404)");
}

TEST(Matchers, AFailingExpectThatPrintsTheErrorAndWhatItHeld) {
  EXPECT_NONFATAL_FAILURE(EXPECT_THAT(not_found(), AllOf(HasCode("IAM.0004"), HasStatus(409))),
                          held);
  EXPECT_NONFATAL_FAILURE(EXPECT_THAT(not_found(), HasStatus(409)),
                          "Expected: has status 409\n  Actual: 404 IAM.0004");
}
