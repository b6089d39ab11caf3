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
