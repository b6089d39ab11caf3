# Runs an example program and checks both its exit status (0) and its output (EXPECT, a
# regular expression), as ctest's PASS_REGULAR_EXPRESSION alone would ignore the status.
#   cmake -DPROGRAM=<program> -DEXPECT=<regex> -P run_example.cmake
execute_process(COMMAND "${PROGRAM}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err
  TIMEOUT 60)
message("${out}${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} exited with ${rc}")
endif()
if(NOT out MATCHES "${EXPECT}")
  message(FATAL_ERROR "${PROGRAM}'s output does not match: ${EXPECT}")
endif()
