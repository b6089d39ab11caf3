# Function size (60 lines) and cognitive complexity (25) over src/ and include/, by
# clang-tidy 14 (tests/tidy.sh, which names its exceptions). Runs in the ci workflow; it
# needs the compilation database the presets export, and clang-tidy.
find_program(ERRCAT_CLANG_TIDY NAMES clang-tidy-14 clang-tidy)
if(NOT ERRCAT_CLANG_TIDY OR NOT CMAKE_EXPORT_COMPILE_COMMANDS)
  message(STATUS "errcat: no clang-tidy or no compile_commands.json, so the tidy test is skipped")
  return()
endif()
add_test(NAME "tidy: no function in src or include over 60 lines or cognitive complexity 25"
  COMMAND "${PROJECT_SOURCE_DIR}/tests/tidy.sh" "${PROJECT_BINARY_DIR}")
set_tests_properties("tidy: no function in src or include over 60 lines or cognitive complexity 25"
  PROPERTIES LABELS tidy PROCESSORS 2 TIMEOUT 1800
  ENVIRONMENT "CLANG_TIDY=${ERRCAT_CLANG_TIDY};JOBS=2")
