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
