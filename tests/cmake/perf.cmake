# The perfect hash (generator and lookups) and allocation-free rendering; the timings
# themselves are in tests/bench (ERRCAT_BUILD_BENCH).
errcat_test_executable(errcat_perf_tests
  test_perfect_hash.cpp
  LIBS errcat_catalog_source errcat_alloc_hook)
