# Runs errcat-gen on INPUT, expecting failure with a message matching EXPECT and no
# output files left behind. Used by generator_tests.cmake.
file(MAKE_DIRECTORY "${OUT}.d")
# Stale outputs from an earlier good run must be removed by a failing run.
file(WRITE "${OUT}.d/out.hpp" "stale")
set(extra)
if(ARGS)
  string(REPLACE "=" ";" extra "${ARGS}")
endif()
execute_process(
  COMMAND "${GEN}" "${INPUT}" --header "${OUT}.d/out.hpp" --source "${OUT}.d/out.cpp" ${extra}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(rc EQUAL 0)
  message(FATAL_ERROR "errcat-gen accepted ${INPUT}; expected a failure matching: ${EXPECT}")
endif()
if(NOT err MATCHES "${EXPECT}")
  message(FATAL_ERROR "errcat-gen failed (exit ${rc}) but its message did not match\n  expected: ${EXPECT}\n  got: ${err}")
endif()
if(EXISTS "${OUT}.d/out.hpp" OR EXISTS "${OUT}.d/out.cpp")
  message(FATAL_ERROR "errcat-gen failed but left an output file behind")
endif()
message(STATUS "errcat-gen rejected it as expected (exit ${rc}): ${err}")
