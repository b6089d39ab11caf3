// Making typed errors at run time: values by name, kinds, usage errors, alias spellings.
// The error value itself (storage, sharing, setters) is tested in test_error.cpp.
#include <errcat/apigw.hpp>
#include <errcat/iam.hpp>

#include <string>

#include "catch.hpp"

namespace iam = errcat::iam;

TEST_CASE("make fills named parameters and keeps their values", "[make]") {
  const errcat::error err = iam::make("IAM.0004", {{"target", "user"}, {"target_id", "42"}});
  CHECK(err.message() == "Could not find user: 42.");
  CHECK(err.status() == 404);
  CHECK(err.code() == "IAM.0004");
  CHECK(err.name() == "resource_not_found");
  CHECK(err.entry() == iam::catalog.find("IAM.0004"));
  CHECK(err.description() == iam::catalog.find("IAM.0004")->description);
  CHECK(err.remediation() == iam::catalog.find("IAM.0004")->remediation);
  CHECK(err.value_of("target") == "user");
  CHECK(err.value_of("target_id") == "42");
  CHECK_FALSE(err.value_of("nope").has_value());
  REQUIRE(err.args().size() == 2);
  CHECK(err.args()[0].name == "target");
}

TEST_CASE("make fills integer parameters with integers", "[make]") {
  const errcat::error err = iam::make("IAM.0012", {{"threshold", 100}, {"period_seconds", 60}});
  CHECK(err.message() ==
        "The throttling threshold has been reached. Threshold: 100 times per 60 seconds");
  CHECK(err.value_of("threshold") == "100");
  CHECK(err.args()[0].kind == errcat::param_kind::integer);
}

TEST_CASE("make fills positional placeholders through their params names", "[make]") {
  const errcat::error err = iam::make("IAM.1106", {{"access_key", "AK"}, {"user", "bob"}});
  CHECK(err.message() == "The user bob with access key AK cannot be found.");
}

TEST_CASE("string parameters accept integers", "[make]") {
  const errcat::error err = iam::make("IAM.0004", {{"target", "user"}, {"target_id", 42}});
  CHECK(err.message() == "Could not find user: 42.");
  CHECK(err.args()[1].kind == errcat::param_kind::string);
}

TEST_CASE("make with some or no values keeps the other placeholders", "[make]") {
  CHECK(iam::make("IAM.0004", {{"target_id", "7"}}).message() == "Could not find %(target)s: 7.");
  CHECK(iam::make("IAM.0004").message() == "Could not find %(target)s: %(target_id)s.");
  CHECK(iam::make("IAM.0001").message() == "The request you have made requires authentication.");
  CHECK(iam::make("IAM.0001").args().empty());
}

TEST_CASE("make by enumerator and by status", "[make]") {
  CHECK(iam::make(iam::errc::token_expired).code() == "IAM.0066");
  CHECK(iam::make(404, "IAM.0004", {{"target", "a"}, {"target_id", "b"}}).message() ==
        "Could not find a: b.");
}

TEST_CASE("usage errors name the code and the parameter", "[make][usage_error]") {
  auto what = [](auto&& f) -> std::string {
    try {
      f();
    } catch (const errcat::usage_error& e) {
      const std::invalid_argument& base = e;
      return base.what();
    }
    return "no exception";
  };
  CHECK_THAT(what([] { iam::make("IAM.9999"); }),
             errcat_test::contains_text("unknown iam error code \"IAM.9999\""));
  CHECK_THAT(what([] {
               iam::make("IAM.0004", {{"targte", "user"}});
             }),
             errcat_test::contains_text("IAM.0004 has no parameter \"targte\"") &&
                 errcat_test::contains_text("target, target_id"));
  CHECK_THAT(what([] {
               iam::make("IAM.0012", {{"threshold", "many"}});
             }),
             errcat_test::contains_text("\"threshold\" of IAM.0012 is an integer") &&
                 errcat_test::contains_text("\"many\""));
  CHECK_THAT(what([] {
               iam::make("IAM.0004", {{"target", "a"}, {"target", "b"}});
             }),
             errcat_test::contains_text("given more than once"));
  CHECK_THAT(what([] { iam::make(400, "IAM.0004"); }),
             errcat_test::contains_text("not documented under status 400"));
  CHECK_THAT(what([] { errcat::apigw::make("APIG.0201"); }),
             errcat_test::contains_text("documented more than once"));
  try {
    iam::make("IAM.0004", {{"bad", "x"}});
    FAIL("expected a usage_error");
  } catch (const errcat::usage_error& e) {
    CHECK(e.code() == "IAM.0004");
    CHECK(e.param() == "bad");
  }
}

TEST_CASE("values that look like placeholders are never expanded", "[make][injection]") {
  const errcat::error err =
      iam::make("IAM.0004", {{"target", "%(target_id)s"}, {"target_id", "[input length]{}%s"}});
  CHECK(err.message() == "Could not find %(target_id)s: [input length]{}%s.");
}

TEST_CASE("the gateway spelling of a code is kept as given", "[make][apigw]") {
  const errcat::error err = errcat::apigw::make("APIGW.0301");
  CHECK(err.code() == "APIGW.0301");
  CHECK(err.entry() == errcat::apigw::catalog.find("APIG.0301"));
}
