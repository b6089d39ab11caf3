// Uses a generated 20,000-row catalog (tests/bench/make_big_catalog.py) at run time: its
// checked make<>(), its lookups and its error category, built through errcat_add_catalog
// with the compiler's default limits.
#include <errcat_big/big.hpp>

#include <cstdio>
#include <string>

int main() {
  namespace big = errcat_big::big;
  const errcat::error first = big::make<"BIG.00004">("n1");
  const errcat::entry* last = big::find("BIG.19999");
  const bool ok = big::catalog.size() == 20000 && first.known() &&
                  first.message() == "The network n1 does not exist or cannot be used here." &&
                  last != nullptr && big::catalog.find("BIG.19999") == last &&
                  big::find("BIG.20001") == nullptr &&
                  first.error_code().category().name() == std::string("big");
  std::printf("20000-row catalog: %s\n", ok ? "ok" : "WRONG");
  return ok ? 0 : 1;
}
