# Reliability: hostile input to the core, to the generator and (with errcat::json) to
# parse_response, and behaviour when allocation fails. The concurrency test is in
# threads.cmake (run under the tsan preset); the fuzzers are in tests/fuzz.
errcat_test_executable(errcat_hostile_tests test_hostile.cpp)

# A catalog of strings that are hard to put into C++ source (backslashes at the end of a
# line, quotes, NUL, trigraph-like runs, comment openers), generated as users' catalogs
# are; it doubles as a seed of the catalog fuzzer.
errcat_add_catalog(errcat_test_hostile_catalog
  JSON "${PROJECT_SOURCE_DIR}/tests/fuzz/corpus/fuzz_catalog/hostile_strings.json"
  NAMESPACE errcat_test::hostile HEADER errcat/hostile.hpp)
errcat_test_executable(errcat_hostile_catalog_tests test_hostile_catalog.cpp
  LIBS errcat_catalog_source errcat_test_hostile_catalog)

# errcat-gen itself on hostile files made at test time.
set(hostile_dir "${CMAKE_CURRENT_BINARY_DIR}/hostile")
file(READ "${PROJECT_SOURCE_DIR}/data/errors.json" iam_json)
string(LENGTH "${iam_json}" iam_len)
math(EXPR half "${iam_len} / 2")
string(SUBSTRING "${iam_json}" 0 ${half} iam_half)
file(WRITE "${hostile_dir}/errors_half.json" "${iam_half}")
file(WRITE "${hostile_dir}/empty.json" "")
string(REPEAT "[" 100000 deep)
file(WRITE "${hostile_dir}/deep.json" "${deep}")
foreach(case IN ITEMS errors_half empty deep)
  add_test(NAME "generator rejects a hostile file: ${case}"
    COMMAND ${CMAKE_COMMAND}
      -DGEN=$<TARGET_FILE:errcat-gen> -DINPUT=${hostile_dir}/${case}.json
      -DOUT=${hostile_dir}/out/${case}
      "-DEXPECT=${case}.json: invalid JSON: .*line [0-9]+, column [0-9]+"
      -P ${PROJECT_SOURCE_DIR}/tests/generator/expect_reject.cmake)
endforeach()

# Allocation failure: its own program, because it links the tests' replacement operator new.
set(errcat_alloc_libs)
if(TARGET errcat::json)
  set(errcat_alloc_libs errcat::json)
endif()
errcat_test_executable(errcat_alloc_failure_tests test_alloc_failure.cpp
  LIBS errcat_alloc_hook ${errcat_alloc_libs})
if(TARGET errcat::json)
  target_compile_definitions(errcat_alloc_failure_tests PRIVATE ERRCAT_TEST_HAVE_JSON=1)
endif()

# Hostile responses for parse_response.
if(TARGET errcat::json)
  errcat_test_executable(errcat_hostile_json_tests test_hostile_json.cpp LIBS errcat::json)
endif()
