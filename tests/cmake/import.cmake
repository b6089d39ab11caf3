# errcat import: the readers, names, retry classes and writer (errcat_import_tests), and the
# published tables of ../shared (errcat_import_data_tests), which skip when it is absent.
if(NOT TARGET errcat_import)
  return()
endif()

errcat_test_executable(errcat_import_tests
  import/test_import_readers.cpp import/test_import_names.cpp import/test_import_writer.cpp
  LIBS errcat_import)

# Not errcat_test_executable: these tests report a missing ../shared as skipped, which
# needs a property on each discovered test.
add_executable(errcat_import_data_tests import/test_import_data.cpp)
target_link_libraries(errcat_import_data_tests PRIVATE errcat::errcat errcat_import
  errcat_catch_main nlohmann_json::nlohmann_json)
target_include_directories(errcat_import_data_tests PRIVATE "${PROJECT_SOURCE_DIR}/tests")
target_compile_definitions(errcat_import_data_tests PRIVATE
  ERRCAT_SOURCE_DIR="${PROJECT_SOURCE_DIR}" ERRCAT_SHARED_DIR="${ERRCAT_SHARED_DIR}")
errcat_warnings(errcat_import_data_tests)
catch_discover_tests(errcat_import_data_tests TEST_PREFIX "errcat_import_data_tests: "
  PROPERTIES SKIP_REGULAR_EXPRESSION "SKIPPED: ")
