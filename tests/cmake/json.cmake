# Reverse matching is part of the core: its tests link errcat::errcat only, and prove the
# core builds and works without nlohmann_json.
errcat_test_executable(errcat_match_tests test_match.cpp)

# The errcat::json component: parsing responses, serialising, and the test fixtures.
if(TARGET errcat::json)
  errcat_test_executable(errcat_json_tests
    test_json_parse.cpp test_json_serialize.cpp test_json_roundtrip.cpp test_testing.cpp
    LIBS errcat::json)
  # Links the tests' replacement operator new to fail on demand, so it gets a program of
  # its own.
  errcat_test_executable(errcat_json_alloc_tests test_json_alloc.cpp
    LIBS errcat::json errcat_alloc_hook)
endif()
