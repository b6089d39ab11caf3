# Builds one must-not-compile target and checks how it failed:
#   cmake -DBUILD_DIR=<dir> -DTARGET=<target> -DCONFIG=<config> -DEXPECT=<regex>
#         -DERRORS=<n> -P expect_errors.cmake
# Passes only when the build fails, its output matches EXPECT, and the compiler reported
# exactly ERRORS "error:" lines: a mistake must give one short diagnostic, not a cascade.
foreach(var BUILD_DIR TARGET EXPECT ERRORS)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "expect_errors.cmake: -D${var}=... is required")
  endif()
endforeach()
set(config_args)
if(CONFIG)
  set(config_args --config "${CONFIG}")
endif()
execute_process(
  COMMAND "${CMAKE_COMMAND}" --build "${BUILD_DIR}" --target "${TARGET}" ${config_args}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(rc EQUAL 0)
  message(FATAL_ERROR "${TARGET} compiled, but must not:\n${out}")
endif()
if(NOT out MATCHES "${EXPECT}")
  message(FATAL_ERROR "${TARGET} failed without the expected diagnostic \"${EXPECT}\":\n${out}")
endif()
string(REGEX MATCHALL "error:" errors "${out}")
list(LENGTH errors count)
if(NOT count EQUAL ERRORS)
  message(FATAL_ERROR
    "${TARGET} gave ${count} \"error:\" lines, expected ${ERRORS} (a cascade):\n${out}")
endif()
message(STATUS "${TARGET}: failed as expected with ${count} error(s)")
