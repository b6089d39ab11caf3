// The one include shim that lets the tests build with Catch2 v2 (Debian 12) and v3 (an
// installed one, or the amalgamated files through tests/CMakeLists.txt's forwarding headers).
#pragma once

#include <string>

#if __has_include(<catch2/catch_all.hpp>)
#include <catch2/catch_all.hpp>
#define ERRCAT_TEST_CATCH2_V3 1
#else
#include <catch2/catch.hpp>
#define ERRCAT_TEST_CATCH2_V3 0
#endif

namespace errcat_test {

/// A matcher for text that contains `part`, in either Catch2: v3 renamed v2's string
/// `Contains` to `ContainsSubstring` and gave `Contains` to ranges.
inline auto contains_text(const std::string& part) {
#if ERRCAT_TEST_CATCH2_V3
  return Catch::Matchers::ContainsSubstring(part);
#else
  return Catch::Matchers::Contains(part);
#endif
}

}  // namespace errcat_test
