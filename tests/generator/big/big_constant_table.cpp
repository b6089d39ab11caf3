// The constant table of a generated 20,000-row catalog (tests/bench/make_big_catalog.py) in
// constant expressions, with the compiler's default limits: lookups at both ends, every
// 97th entry by its status and code, an unknown code and a rendered message. Compiling it
// is the test (ctest builds it; label big).
#include <errcat_big/big_table.hpp>

#include <cstddef>
#include <cstdio>

namespace big = errcat_big::big;

namespace {

constexpr bool every_97th_entry_found() {
  for (std::size_t i = 0; i < big::table.size(); i += 97) {
    const auto e = big::table.entry_at(i);
    const auto found = big::table.find(e->status, e->code);
    if (!found || found.index() != i) return false;
  }
  return true;
}

}  // namespace

static_assert(big::table.size() == 20000);
static_assert(big::table.find("BIG.00004")->status == 404);
static_assert(big::table.find("BIG.19999") == big::table.entry_at(19998));
static_assert(big::table.find(502, "BIG.19999") == big::table.entry_at(19999));
static_assert(big::table.find("BIG.20001") == nullptr);
static_assert(every_97th_entry_found());
#if defined(__cpp_lib_constexpr_string) && !defined(__clang__)
static_assert(big::render<"BIG.00001">("q", 3, 7) ==
              "The quota q has 3 items; at most 7 are allowed.");
#endif

int main() {
  std::printf("20000-row constant table: ok\n");
  return 0;
}
