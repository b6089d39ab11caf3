// GoogleTest/GoogleMock matchers for errcat::error: ErrorIs, HasCode, HasStatus, HasParam
// and HasRequestId. They are ordinary `::testing::Matcher<const errcat::error&>`, so they
// compose with AllOf, AnyOf and Not, and a failure prints what the error held. Link
// errcat::gtest.
//
//   EXPECT_THAT(err, AllOf(errcat::testing::HasCode("IAM.0004"),
//                          errcat::testing::HasParam("target", "user")));
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <utility>

#include <gmock/gmock.h>

#include "errcat/error.hpp"
#include "errcat/testing/fixtures.hpp"

namespace errcat {
/// GoogleTest prints an `errcat::error` as `errcat::testing::describe` does.
inline void PrintTo(const error& err, std::ostream* os) {
  *os << testing::describe(err);
}
}  // namespace errcat

namespace errcat::testing {

namespace detail {
// A matcher from a predicate and a description of what it expects; the explanation
// always shows what the error held.
template <class Pred>
class gtest_error_matcher final : public ::testing::MatcherInterface<const error&> {
 public:
  gtest_error_matcher(Pred pred, std::string expects)
      : pred_(std::move(pred)), expects_(std::move(expects)) {}
  bool MatchAndExplain(const error& err, ::testing::MatchResultListener* listener) const override {
    *listener << "which holds " << describe(err);
    return pred_(err);
  }
  void DescribeTo(std::ostream* os) const override { *os << expects_; }
  void DescribeNegationTo(std::ostream* os) const override { *os << "not (" << expects_ << ")"; }

 private:
  Pred pred_;
  std::string expects_;
};

template <class Pred>
::testing::Matcher<const error&> make_gtest_matcher(Pred pred, std::string expects) {
  return ::testing::MakeMatcher(new gtest_error_matcher<Pred>(std::move(pred), std::move(expects)));
}

// `category:value (message)`, as a std::error_code or std::error_condition prints.
template <class Code>
std::string describe_code(const Code& c) {
  return std::string(c.category().name()) + ":" + std::to_string(c.value()) + " (" + c.message() +
         ")";
}
}  // namespace detail

/// An enum `std::error_code` or `std::error_condition` can be made from.
template <class E>
concept error_enum = std::is_error_code_enum_v<E> || std::is_error_condition_enum_v<E>;

/// Matches an error whose `error_code()` equals `e`: a catalog's `errc` value
/// (`errcat::iam::errc::resource_not_found`), any error code enum, or an error condition
/// enum (`errcat::http_status::not_found`).
template <error_enum E>
::testing::Matcher<const error&> ErrorIs(E e) {
  std::string expects;
  if constexpr (std::is_error_code_enum_v<E>) {
    expects = "is error " + detail::describe_code(std::error_code(e));
  } else {
    expects = "is error condition " + detail::describe_code(std::error_condition(e));
  }
  return detail::make_gtest_matcher([e](const error& err) { return err.error_code() == e; },
                                    std::move(expects));
}

/// Matches an error whose code, as received or made, is `code` (`APIGW.0301` is not
/// `APIG.0301`).
inline ::testing::Matcher<const error&> HasCode(std::string code) {
  std::string expects = "has code " + detail::quoted(code);
  return detail::make_gtest_matcher(
      [code = std::move(code)](const error& err) { return err.code() == code; },
      std::move(expects));
}

/// Matches an error with HTTP status `status`.
inline ::testing::Matcher<const error&> HasStatus(int status) {
  return detail::make_gtest_matcher([status](const error& err) { return err.status() == status; },
                                    "has status " + std::to_string(status));
}

/// Matches an error whose parameter `name` has the value `value` (integers in decimal).
inline ::testing::Matcher<const error&> HasParam(std::string name, std::string value) {
  std::string expects = "has parameter " + detail::quoted(name) + " = " + detail::quoted(value);
  return detail::make_gtest_matcher(
      [name = std::move(name), value = std::move(value)](const error& err) {
        const auto v = err.value_of(name);
        return v.has_value() && *v == value;
      },
      std::move(expects));
}

/// Matches an error whose request id is `id`.
inline ::testing::Matcher<const error&> HasRequestId(std::string id) {
  std::string expects = "has request id " + detail::quoted(id);
  return detail::make_gtest_matcher(
      [id = std::move(id)](const error& err) { return err.request_id() == id; },
      std::move(expects));
}

}  // namespace errcat::testing
