# errcat::error as a value (error.hpp): its storage, sharing and setters. Its own program,
# because it counts and fails allocations through the tests' replacement operator new.
errcat_test_executable(errcat_error_tests test_error.cpp LIBS errcat_alloc_hook)
