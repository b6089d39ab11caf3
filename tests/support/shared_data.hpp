// Data outside the repository, in ERRCAT_SHARED_DIR (default: ../shared beside the source
// tree). A plain clone has none, so a test that needs it is skipped, and says so: the
// macro below reports "errcat test skipped: ..." (ctest marks such tests as skipped, see
// errcat_test_executable) and returns from the test case. The reference data the tests
// always need is copied under tests/data/shared/ instead.
#pragma once

#include <filesystem>
#include <string>

/// The path of `relative` under ERRCAT_SHARED_DIR.
inline std::string errcat_shared_path(const std::string& relative) {
  return std::string(ERRCAT_SHARED_DIR) + "/" + relative;
}

/// Skips the current test case unless `relative` exists under ERRCAT_SHARED_DIR.
#define ERRCAT_SKIP_UNLESS_SHARED(relative)                                                 \
  do {                                                                                      \
    if (!std::filesystem::exists(errcat_shared_path(relative))) {                           \
      WARN("errcat test skipped: needs " << errcat_shared_path(relative)                    \
                                         << " (set ERRCAT_SHARED_DIR to the shared data)"); \
      return;                                                                               \
    }                                                                                       \
  } while (false)
