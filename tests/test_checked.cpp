// Compile-time checked make<>() and render<>(): positional and named arguments, the errc
// form, argument kinds, and a message rendered inside static_assert. The mistakes it
// rejects are proven by the must-not-compile tests in compile_fail/.
#include <errcat/apigw.hpp>
#include <errcat/apigw_table.hpp>
#include <errcat/format.hpp>
#include <errcat/format_args.hpp>
#include <errcat/iam.hpp>
#include <errcat/iam_table.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include "catch.hpp"

namespace iam = errcat::iam;
using namespace errcat::literals;

namespace {

// A user type with a fmt::formatter, usable as a string parameter value.
struct resource_path {
  std::string_view kind;
  int id = 0;
};

}  // namespace

template <>
struct fmt::formatter<resource_path> {
  constexpr auto parse(fmt::format_parse_context& ctx) -> decltype(ctx.begin()) {
    return ctx.begin();
  }
  template <class FormatContext>
  auto format(const resource_path& p, FormatContext& ctx) const -> decltype(ctx.out()) {
    return fmt::format_to(ctx.out(), "{}/{}", p.kind, p.id);
  }
};

// libstdc++ 12's constexpr std::string works in g++ 12 but not in clang before 17
// (it rejects activating the small-string union member during constant evaluation).
#if defined(__cpp_lib_constexpr_string) && __cpp_lib_constexpr_string >= 201907L && \
    !(defined(__clang__) && defined(__GLIBCXX__) && __clang_major__ < 17)
#define ERRCAT_TEST_CONSTEXPR_RENDER 1
static_assert(iam::render<"IAM.0004">("user", "42") == "Could not find user: 42.");
static_assert(iam::render<"IAM.0012">(100, -60) ==
              "The throttling threshold has been reached. Threshold: 100 times per -60 seconds");
static_assert(iam::render<"IAM.0004">("target_id"_arg = 7, "target"_arg = "group") ==
              "Could not find group: 7.");
static_assert(errcat::apigw::render<"APIGW.0308">() ==
              "The throttling threshold has been reached.");
#endif

TEST_CASE("render<> is a constant expression where the standard library allows", "[checked]") {
#ifdef ERRCAT_TEST_CONSTEXPR_RENDER
  constexpr std::size_t size = iam::render<"IAM.0004">("user", "42").size();
  STATIC_REQUIRE(size == std::string_view("Could not find user: 42.").size());
#endif
  CHECK(iam::render<"IAM.0004">("user", "42") == "Could not find user: 42.");
  CHECK(iam::render<"IAM.0004">("user", "42") ==
        errcat::render(*iam::catalog.find("IAM.0004"), {"user", "42"}));
}

TEST_CASE("make<> fills parameters by position, in order of first appearance", "[checked]") {
  const errcat::error err = iam::make<"IAM.0004">("user", "42");
  CHECK(err.entry() == iam::catalog.find("IAM.0004"));
  CHECK(err.code() == "IAM.0004");
  CHECK(err.message() == "Could not find user: 42.");
  CHECK(err.value_of("target") == "user");
  CHECK(err.value_of("target_id") == "42");
  CHECK(err == iam::make("IAM.0004", {{"target", "user"}, {"target_id", "42"}}));
  CHECK(err.message() ==
        iam::make("IAM.0004", {{"target", "user"}, {"target_id", "42"}}).message());
  // Positional %s placeholders are filled in order too.
  CHECK(iam::make<"IAM.0080">("bob", "AK1").message() ==
        "The user bob with access key AK1 is disabled.");
}

TEST_CASE("make<> takes named arguments in any order", "[checked]") {
  const errcat::error by_arg =
      iam::make<"IAM.0004">(errcat::arg<"target_id">(42), errcat::arg<"target">("user"));
  const errcat::error by_literal =
      iam::make<"IAM.0004">("target"_arg = "user", "target_id"_arg = 42);
  CHECK(by_arg.message() == "Could not find user: 42.");
  CHECK(by_literal.message() == "Could not find user: 42.");
  CHECK(by_arg.value_of("target") == "user");
  CHECK(iam::make<"IAM.0080">("access_key"_arg = "AK1", "user"_arg = "bob").message() ==
        "The user bob with access key AK1 is disabled.");
}

TEST_CASE("make<errc::...> needs no code string", "[checked]") {
  const errcat::error err = iam::make<iam::errc::resource_not_found>("user", 42);
  CHECK(err.code() == "IAM.0004");
  CHECK(err.message() == "Could not find user: 42.");
  CHECK(
      iam::make<iam::errc::resource_not_found>("target_id"_arg = 1, "target"_arg = "x").message() ==
      "Could not find x: 1.");
  CHECK(iam::make<iam::errc::authentication_required>().code() == "IAM.0001");
  // The one way to pick one of a code documented twice.
  CHECK(errcat::apigw::make<errcat::apigw::errc::api_method_not_found>().message() ==
        "The API does not exist.");
}

TEST_CASE("make<> with no parameters gives the documented message", "[checked]") {
  const errcat::error err = iam::make<"IAM.0001">();
  CHECK(err == iam::make("IAM.0001"));
  CHECK(err.message() == "The request you have made requires authentication.");
  CHECK(err.args().empty());
}

TEST_CASE("make<> accepts every kind of text", "[checked]") {
  const std::string owned = "group";
  const std::string_view view = "g1";
  const char* c_string = "user";
  CHECK(iam::make<"IAM.0004">(owned, view).message() == "Could not find group: g1.");
  CHECK(iam::make<"IAM.0004">(c_string, std::string("temp")).message() ==
        "Could not find user: temp.");
}

// <errcat/format_args.hpp> (included above) opts in to arguments fmt can format.
TEST_CASE("a type fmt can format is a string parameter value", "[checked]") {
  const errcat::error err = iam::make<"IAM.0004">("path", resource_path{"users", 42});
  CHECK(err.message() == "Could not find path: users/42.");
  CHECK(err.value_of("target_id") == "users/42");
  CHECK(err.args()[1].kind == errcat::param_kind::string);
  CHECK(iam::make<"IAM.0004">("flag", true).message() == "Could not find flag: true.");
  CHECK(iam::make<"IAM.0004">("ratio", 0.5).message() == "Could not find ratio: 0.5.");
  CHECK(iam::make<"IAM.0004">("target_id"_arg = resource_path{"groups", 7}, "target"_arg = "p")
            .message() == "Could not find p: groups/7.");
}

TEST_CASE("integers keep their integer kind, at full range", "[checked]") {
  const errcat::error err =
      iam::make<"IAM.0012">(std::int64_t{-5}, std::uint64_t{18446744073709551615u});
  CHECK(err.message() ==
        "The throttling threshold has been reached. Threshold: -5 times per 18446744073709551615 "
        "seconds");
  REQUIRE(err.args().size() == 2);
  CHECK(err.args()[0].kind == errcat::param_kind::integer);
  CHECK(err.args()[0].value == "-5");
  CHECK(err.args()[1].value == "18446744073709551615");
  const short small = 3;
  const unsigned char byte = 200;
  CHECK(iam::make<"IAM.0012">(small, byte).message() ==
        "The throttling threshold has been reached. Threshold: 3 times per 200 seconds");
  CHECK(iam::make<"IAM.0012">(std::numeric_limits<std::int64_t>::min(), 0).value_of("threshold") ==
        "-9223372036854775808");
  // An integer for a string parameter is written in decimal and recorded as a string.
  CHECK(iam::make<"IAM.0004">("user", 42u).args()[1].kind == errcat::param_kind::string);
}

TEST_CASE("make<> keeps an alias spelling of the code as written", "[checked][apigw]") {
  const errcat::error err = errcat::apigw::make<"APIGW.0308">();
  CHECK(err.code() == "APIGW.0308");
  CHECK(err.entry() == errcat::apigw::catalog.find("APIG.0308"));
  CHECK(err == errcat::apigw::make("APIGW.0308"));
  CHECK(errcat::apigw::make<"APIG.0308">().code() == "APIG.0308");
}
