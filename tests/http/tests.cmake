# Registered by tests/cmake/http.cmake. Every test talks to real servers on 127.0.0.1.
set(http_dir "${CMAKE_CURRENT_LIST_DIR}")

if(TARGET errcat::testing)
  errcat_test_executable(errcat_fake_server_tests "${http_dir}/test_fake_server.cpp"
    LIBS errcat::testing httplib::httplib)
  # Run under ThreadSanitizer by tests/run-all.sh (tsan preset), like errcat_thread_tests.
  errcat_test_executable(errcat_fake_server_thread_tests "${http_dir}/test_fake_server_threads.cpp"
    LIBS errcat::testing httplib::httplib)
endif()

if(TARGET errcat::httplib AND TARGET errcat::testing)
  errcat_test_executable(errcat_httplib_tests "${http_dir}/test_httplib.cpp"
    LIBS errcat::httplib errcat::testing)
endif()

if(TARGET errcat::curl AND TARGET errcat::testing)
  errcat_test_executable(errcat_curl_tests "${http_dir}/test_curl.cpp"
    LIBS errcat::curl errcat::testing)
endif()

if(TARGET errcat::beast AND TARGET errcat::testing)
  errcat_test_executable(errcat_beast_tests "${http_dir}/test_beast.cpp"
    LIBS errcat::beast errcat::testing)
endif()

if(TARGET errcat::beast AND TARGET errcat::httplib AND TARGET errcat::curl)
  errcat_test_executable(errcat_http_server_tests "${http_dir}/test_servers.cpp"
    LIBS errcat::beast errcat::httplib errcat::curl)
endif()

# The GoogleTest matchers are tested with GoogleTest itself.
if(TARGET errcat::gtest)
  find_package(GTest CONFIG REQUIRED)
  include(GoogleTest)
  add_executable(errcat_gtest_tests "${http_dir}/test_gtest.cpp")
  target_link_libraries(errcat_gtest_tests PRIVATE errcat::gtest GTest::gtest_main)
  errcat_warnings(errcat_gtest_tests)
  gtest_discover_tests(errcat_gtest_tests TEST_PREFIX "errcat_gtest_tests: ")
endif()

# 'errcat serve' through the real binary, with the curl command as the client.
find_package(Python3 COMPONENTS Interpreter QUIET)
find_program(ERRCAT_CURL_PROGRAM curl)
if(TARGET errcat-cli AND TARGET errcat::testing AND Python3_Interpreter_FOUND AND ERRCAT_CURL_PROGRAM)
  set(serve_cases
    "listening_line|prints 'listening on http://127.0.0.1:PORT' first and answers"
    "script_in_order|answers a script's steps in order and repeats the last"
    "count_ends|--count ends it with exit 0 after N requests"
    "malformed_script|refuses a malformed script before listening with exit 2, naming file and step"
    "sigterm|SIGTERM ends it cleanly with exit 0"
    "sigint|SIGINT ends it cleanly with exit 0"
    "refuses_other_hosts|--listen refuses any host but 127.0.0.1")
  foreach(c IN LISTS serve_cases)
    string(REPLACE "|" ";" c "${c}")
    list(GET c 0 case)
    list(GET c 1 title)
    add_test(NAME "errcat serve: ${title}"
      COMMAND "${Python3_EXECUTABLE}" "${http_dir}/serve_test.py" "$<TARGET_FILE:errcat-cli>"
              "${ERRCAT_CURL_PROGRAM}" ${case} "${CMAKE_CURRENT_BINARY_DIR}/serve/${case}")
    set_tests_properties("errcat serve: ${title}" PROPERTIES TIMEOUT 60 LABELS http)
  endforeach()
elseif(TARGET errcat::testing)
  message(STATUS "errcat: python3 or curl not found, so 'errcat serve' is not tested")
endif()

# The examples of include/errcat/http/README.md, one complete program per stack, built and
# run against the fake server (each starts its own), their output checked.
# errcat_http_example(<name> EXPECT <regex> LIBS <targets...>)
function(errcat_http_example name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "EXPECT" "LIBS")
  foreach(t IN LISTS arg_LIBS)
    if(NOT TARGET ${t})
      return()
    endif()
  endforeach()
  add_executable(errcat_http_example_${name} "${http_dir}/examples/${name}.cpp")
  target_link_libraries(errcat_http_example_${name} PRIVATE ${arg_LIBS})
  errcat_warnings(errcat_http_example_${name})
  add_test(NAME "http example ${name}.cpp runs and prints what it should"
    COMMAND "${CMAKE_COMMAND}" "-DPROGRAM=$<TARGET_FILE:errcat_http_example_${name}>"
            "-DEXPECT=${arg_EXPECT}" -P "${http_dir}/run_example.cmake")
  set_tests_properties("http example ${name}.cpp runs and prints what it should" PROPERTIES
    TIMEOUT 90 LABELS http)
endfunction()

errcat_http_example(curl LIBS errcat::curl errcat::testing
  EXPECT "^429 IAM\\.0012: The throttling threshold has been reached\\. Threshold: 10 times per 60 seconds\n  threshold = 10\n  period_seconds = 60\n  request id: [0-9a-f]+\n  retry after 2 s\n$")
errcat_http_example(httplib LIBS errcat::httplib
  EXPECT "^404 IAM\\.0004: Could not find user: 42\\.\n  target_id = 42\n  request id: c0ffee0000000000000000000000002a\n$")
errcat_http_example(beast LIBS errcat::beast errcat::testing
  EXPECT "^404 IAM\\.0004: Could not find user: 42\\.\n\nHTTP/1\\.1 401 Unauthorized\r\nContent-Type: application/json;charset=utf-8\r\nWWW-Authenticate: Keystone uri=\"https://iam\\.example\\.com:5000\"\r\nContent-Length: [0-9]+\r\n\r\n{\"error\":{\"code\":401,")
errcat_http_example(retry LIBS errcat::httplib errcat::testing
  EXPECT "attempt 1: IAM\\.0012, retrying in 1 s\nattempt 2: IAM\\.0012, retrying in 1 s\nstatus 201 after 3 requests, waited ([2-9]|[1-9][0-9])(\\.[0-9])? s\n  POST /v3/auth/tokens\n  POST /v3/auth/tokens\n  POST /v3/auth/tokens\n$")

# Without libcurl, Boost, cpp-httplib and GoogleTest, errcat still configures.
if(NOT CMAKE_CROSSCOMPILING)
  list(JOIN CMAKE_PREFIX_PATH "|" http_prefix_path)
  add_test(NAME "configure: without libcurl, Boost, cpp-httplib and GoogleTest the HTTP components are just absent"
    COMMAND "${CMAKE_COMMAND}" "-DSOURCE=${PROJECT_SOURCE_DIR}"
      "-DBINARY=${CMAKE_CURRENT_BINARY_DIR}/configure_without_http"
      "-DGENERATOR=${CMAKE_GENERATOR}"
      "-DOPTIONS=-DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER}|-DCMAKE_PREFIX_PATH=${http_prefix_path}|-DERRCAT_SHARED_DIR=${ERRCAT_SHARED_DIR}"
      -P "${http_dir}/configure_without.cmake")
  set_tests_properties("configure: without libcurl, Boost, cpp-httplib and GoogleTest the HTTP components are just absent"
    PROPERTIES TIMEOUT 300 LABELS "http;package")
endif()
errcat_http_example(gtest LIBS errcat::gtest
  EXPECT "\\[  PASSED  \\] 1 test\\.")

add_test(NAME "http manual: its C++ blocks are the example programs the tests run"
  COMMAND "${CMAKE_COMMAND}" "-DMANUAL=${PROJECT_SOURCE_DIR}/include/errcat/http/README.md"
    "-DEXAMPLES=${http_dir}/examples" "-DNAMES=curl|httplib|beast|retry|gtest"
    -P "${http_dir}/manual_sync.cmake")
set_tests_properties("http manual: its C++ blocks are the example programs the tests run"
  PROPERTIES LABELS http)
