// Catch2 matchers for errcat::error (v2 or v3): is_error, has_status, has_arg, and Catch2
// printing an error with errcat::testing::describe. Link errcat::catch2 (or errcat::json and
// Catch2 yourself).
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "errcat/error.hpp"
#include "errcat/testing/fixtures.hpp"

// Catch2 v3 has separate headers; v2 is one header, which the test may already have
// included under another path (a vendored "catch.hpp").
#if __has_include(<catch2/catch_version_macros.hpp>)
#include <catch2/catch_tostring.hpp>
#include <catch2/catch_version_macros.hpp>
#include <catch2/matchers/catch_matchers.hpp>
#elif !defined(CATCH_VERSION_MAJOR)
#include <catch2/catch.hpp>
#endif

namespace errcat::testing {

namespace detail {
#if CATCH_VERSION_MAJOR >= 3
template <class T>
using matcher_base = Catch::Matchers::MatcherBase<T>;
#else
template <class T>
using matcher_base = Catch::MatcherBase<T>;
#endif

// A matcher from a predicate and a description, so each public matcher is one line.
template <class Pred>
class error_matcher final : public matcher_base<error> {
 public:
  error_matcher(Pred pred, std::string description)
      : pred_(std::move(pred)), description_(std::move(description)) {}
  bool match(const error& err) const override { return pred_(err); }
  std::string describe() const override { return description_; }

 private:
  Pred pred_;
  std::string description_;
};

template <class Pred>
error_matcher<Pred> make_matcher(Pred pred, std::string description) {
  return error_matcher<Pred>(std::move(pred), std::move(description));
}
}  // namespace detail

/// Matches an error whose code is `code` (as received: `APIGW.0301` is not `APIG.0301`).
inline auto is_error(std::string code) {
  std::string description = "is error " + detail::quoted(code);
  return detail::make_matcher(
      [code = std::move(code)](const error& err) { return err.code() == code; },
      std::move(description));
}

/// Matches an error with HTTP status `status`.
inline auto has_status(int status) {
  return detail::make_matcher([status](const error& err) { return err.status() == status; },
                              "has status " + std::to_string(status));
}

/// Matches an error whose parameter `name` has the value `value`.
inline auto has_arg(std::string name, std::string value) {
  std::string description = "has argument " + detail::quoted(name) + " = " + detail::quoted(value);
  return detail::make_matcher(
      [name = std::move(name), value = std::move(value)](const error& err) {
        const auto v = err.value_of(name);
        return v.has_value() && *v == value;
      },
      std::move(description));
}

}  // namespace errcat::testing

/// Catch2 prints an `errcat::error` with `errcat::testing::describe`.
template <>
struct Catch::StringMaker<errcat::error> {
  static std::string convert(const errcat::error& err) { return errcat::testing::describe(err); }
};
