# The dependency rule: every public header's #includes against the table "Which header may
# include which" in include/errcat/README.md (tests/include_rule/check.py). The generated
# catalog headers are checked too, so the test runs after the build has made them.
find_package(Python3 COMPONENTS Interpreter)
if(Python3_Interpreter_FOUND)
  add_test(NAME "include rule: every header includes only what include/errcat/README.md allows"
    COMMAND Python3::Interpreter "${PROJECT_SOURCE_DIR}/tests/include_rule/check.py"
      --readme "${PROJECT_SOURCE_DIR}/include/errcat/README.md"
      --include-dir "${PROJECT_SOURCE_DIR}/include"
      --generated-dir "${PROJECT_BINARY_DIR}/errcat_generated/include")
else()
  message(STATUS "errcat: no python3, so the include rule test is skipped")
endif()
