// A catalog whose codes of different lengths share their words ("1" and "11", "10000" and
// "100000"), built with errcat_add_catalog like a user's: its direct index must mix the
// code's length into the hash (detail::direct_fold), and every lookup must still find
// each code and nothing else.
#include <errcat/numeric.hpp>
#include <errcat/numeric_table.hpp>

#include <string_view>

#include "catch.hpp"

namespace numeric = errcat_test::numeric;

namespace {
constexpr std::string_view codes[] = {"1",      "11",    "111",     "7",       "10000",
                                      "100000", "90000", "IAM0004", "IAM00004"};
}  // namespace

static_assert(numeric::table.length_multiplier == errcat::detail::hash_k0);
static_assert(numeric::table.find("100000")->code == "100000");
static_assert(numeric::table.find("1000000") == nullptr);

TEST_CASE("codes of different lengths with the same words get a direct index with the length",
          "[catalog][hash]") {
  CHECK(numeric::catalog.displacements.empty());
  CHECK(numeric::catalog.length_multiplier == errcat::detail::hash_k0);
  CHECK(numeric::table.length_multiplier == errcat::detail::hash_k0);
}

TEST_CASE("every lookup finds each code of a length-mixing catalog at its own entry",
          "[catalog][hash]") {
  for (const std::string_view code : codes) {
    CAPTURE(code);
    const errcat::entry* e = numeric::find(code);
    REQUIRE(e != nullptr);
    CHECK(e->code == code);
    CHECK(numeric::catalog.find(code) == e);
    CHECK(numeric::catalog.find_inline(code) == e);
    REQUIRE(numeric::table.find(code) != nullptr);
    CHECK(numeric::table.find(code)->code == code);
  }
}

TEST_CASE("codes that share a documented code's words are not found in a length-mixing catalog",
          "[catalog][hash]") {
  for (const std::string_view code :
       {"", "0", "1111", "11111", "100", "1000", "1000000", "10000000", "IAM004", "IAM000004",
        "IAM0004 ", "9000", "900000"}) {
    CAPTURE(code);
    CHECK(numeric::find(code) == nullptr);
    CHECK(numeric::catalog.find(code) == nullptr);
    CHECK(numeric::table.find(code) == nullptr);
  }
}
