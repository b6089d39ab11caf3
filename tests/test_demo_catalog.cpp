// A catalog of the test suite's own, built with errcat_add_catalog like a user's would be:
// every template feature the IAM table lacks, aliases, duplicates and explicit values.
#include <errcat/demo.hpp>
#include <errcat/demo_table.hpp>

#include <system_error>

#include "catch.hpp"

namespace demo = errcat_test::demo;

static_assert(demo::table.size() == 5);
static_assert(demo::table.find("DEMOX.0001") == demo::table.find("DEMO.0001"));
static_assert(static_cast<int>(demo::errc::internal) == 77);
static_assert(demo::table.type_base == "https://errcat.example/problems/demo/");
static_assert(demo::table.domain == "demo.errcat.example");

TEST_CASE("a user catalog renders %% as a percent sign and fills {name}", "[demo]") {
  const errcat::error err = demo::make("DEMO.0001", {{"used", 95}, {"limit", 100}, {"who", "ops"}});
  CHECK(err.message() == "Quota at 95% of 100; ops asked.");
  CHECK(demo::make("DEMO.0001").message() == "Quota at %(used)d%% of %(limit)d; {who} asked.");
}

TEST_CASE("a user catalog fills a parameter used twice from one value", "[demo]") {
  CHECK(demo::make("DEMO.0002", {{"key", "k"}, {"other_key", "o"}}).message() ==
        "Key k conflicts with k in o.");
}

TEST_CASE("a user catalog mixes {} %s and %d positional placeholders", "[demo]") {
  const errcat::entry& e = demo::entry_of(demo::errc::mixed_positional);
  CHECK(e.params.size() == 3);
  CHECK(errcat::render(e, {"7", "bob", 3}) == "Item 7 of bob has 3 parts.");
  CHECK_THROWS_AS(demo::make(demo::errc::mixed_positional, {{"parts", "three"}}),
                  errcat::usage_error);
}

TEST_CASE("a user catalog keeps both entries of a repeated status and code", "[demo]") {
  CHECK(demo::catalog.find_all(404, "DEMO.0003").count() == 2);
  CHECK(static_cast<int>(demo::errc::mixed_positional_again) == 404110003);
  CHECK_THROWS_AS(demo::make(404, "DEMO.0003"), errcat::usage_error);
  CHECK(demo::make(demo::errc::mixed_positional_again, {{"item", "x"}}).message() ==
        "Item x is gone.");
}

TEST_CASE("a user catalog has its own error category", "[demo]") {
  const std::error_code ec = demo::errc::internal;
  CHECK(std::string(ec.category().name()) == "demo");
  CHECK(ec.message() == "A code outside the derivation rule, with an explicit value.");
  CHECK(&ec.category() == &demo::category());
}
