// The names issue 18 replaced still compile, for one release, and give the same answers as
// the names that replace them. Deprecation warnings are errors in the dev preset, so this
// file alone silences them.
#include <errcat/apigw.hpp>
#include <errcat/iam.hpp>

#include <array>
#include <type_traits>

#include "catch.hpp"

#if defined(__GNUC__) || defined(__clang__)
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#endif

namespace iam = errcat::iam;

TEST_CASE("make_from_slots still makes what make_from_values makes", "[deprecated][make]") {
  const errcat::entry& e = *iam::catalog.find("IAM.0004");
  const std::array<errcat::param_value, 2> values = {"user", 42};
  const errcat::error old_err = errcat::make_from_slots(e, values);
  const errcat::error new_err = errcat::make_from_values(e, values);
  CHECK(old_err.message() == "Could not find user: 42.");
  CHECK(old_err.message() == new_err.message());
  CHECK(old_err.args().size() == new_err.args().size());
}

TEST_CASE("catalog::find_value still finds what find_errc_value finds", "[deprecated][catalog]") {
  for (const errcat::entry& e : iam::catalog) {
    CHECK(iam::catalog.find_value(e.errc_value) == iam::catalog.find_errc_value(e.errc_value));
    CHECK(iam::catalog.find_value(e.errc_value) == &e);
  }
  CHECK(iam::catalog.find_value(0) == nullptr);
}

TEST_CASE("make_checked_value still makes what make_checked_errc makes", "[deprecated][make]") {
  constexpr int value = static_cast<int>(iam::errc::resource_not_found);
  const errcat::error old_err =
      errcat::make_checked_value<iam::catalog, iam::errcat_generated::signatures, value>("user",
                                                                                         42);
  const errcat::error new_err =
      errcat::make_checked_errc<iam::catalog, iam::errcat_generated::signatures, value>("user", 42);
  CHECK(old_err.message() == "Could not find user: 42.");
  CHECK(old_err.message() == new_err.message());
  CHECK(old_err.entry() == new_err.entry());
}

TEST_CASE("param_value::holds() and param_value::kind still answer as kind() does",
          "[deprecated][param_value]") {
  using errcat::param_value;
  const param_value none;
  const param_value text("user");
  const param_value negative(-5);
  const param_value positive(5U);
  CHECK(none.holds() == param_value::kind::none);
  CHECK(text.holds() == param_value::kind::string);
  CHECK(negative.holds() == param_value::kind::signed_integer);
  CHECK(positive.holds() == param_value::kind::unsigned_integer);
  for (const param_value& v : {none, text, negative, positive})
    CHECK(static_cast<int>(v.holds()) == static_cast<int>(v.kind()));
  static_assert(param_value(7).holds() == param_value::kind::signed_integer);
}

TEST_CASE("entry_range::size() still counts what count() counts", "[deprecated][catalog]") {
  const auto& gw = errcat::apigw::catalog;
  for (const errcat::entry& e : gw) {
    CHECK(gw.find_all(e.code).size() == gw.find_all(e.code).count());
    CHECK(gw.find_all(e.status, e.code).size() == gw.find_all(e.status, e.code).count());
  }
  CHECK(gw.find_all(404, "APIG.0101").size() == 2);
  CHECK(gw.find_all("NOPE.0000").size() == 0);
}

TEST_CASE("named_value is still the type make<>() takes by name", "[deprecated][checked]") {
  STATIC_REQUIRE(std::is_same_v<errcat::named_value<"target", const char*>,
                                errcat::statically_named_arg<"target", const char*>>);
  const errcat::named_value<"target", const char*> target{"user"};
  const errcat::named_value<"target_id", int> target_id{42};
  const errcat::error old_err = iam::make<"IAM.0004">(target_id, target);
  CHECK(old_err.message() == "Could not find user: 42.");
  CHECK(
      old_err.message() ==
      iam::make<"IAM.0004">(errcat::arg<"target">("user"), errcat::arg<"target_id">(42)).message());
}
