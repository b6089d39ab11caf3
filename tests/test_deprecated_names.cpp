// The names issue 18 replaced still compile, for one release, and give the same answers as
// the names that replace them. Deprecation warnings are errors in the dev preset, so this
// file alone silences them.
#include <errcat/iam.hpp>

#include <array>

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
