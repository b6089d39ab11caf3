// What the libFuzzer targets share: a check that aborts (so libFuzzer saves the input) with
// a message naming the target, and a reader that cuts the input into bytes, integers and
// text. The target's name comes from the build (ERRCAT_FUZZ_TARGET, set by errcat_fuzzer).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#ifndef ERRCAT_FUZZ_TARGET
#error "ERRCAT_FUZZ_TARGET must name the fuzz target (errcat_fuzzer in CMakeLists.txt sets it)"
#endif

namespace errcat_fuzz {

[[noreturn]] inline void fail(const char* what) {
  std::fprintf(stderr, "%s: %s\n", ERRCAT_FUZZ_TARGET, what);
  std::abort();
}

inline void check(bool ok, const char* what) {
  if (!ok) fail(what);
}

// Reads the input front to back; past the end it yields zeros and empty text.
struct reader {
  const std::uint8_t* p;
  std::size_t n;
  std::uint8_t byte() {
    if (n == 0) return 0;
    --n;
    return *p++;
  }
  std::uint64_t u64() {
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i)
      v = v << 8 | byte();
    return v;
  }
  std::string_view text(std::size_t want) {
    const std::size_t k = want < n ? want : n;
    const std::string_view s(reinterpret_cast<const char*>(p), k);
    p += k;
    n -= k;
    return s;
  }
  std::string_view rest() { return text(n); }
};

}  // namespace errcat_fuzz
