# Configures errcat's source with libcurl, Boost, cpp-httplib and GoogleTest all hidden
# (CMAKE_DISABLE_FIND_PACKAGE_*), as on a machine without them: the configure must succeed,
# reporting each HTTP component as not built.
#   cmake -DSOURCE=<errcat source> -DBINARY=<scratch dir> -DGENERATOR=<generator>
#         [-DOPTIONS=<-Dx=y|...>] -P configure_without.cmake
file(REMOVE_RECURSE "${BINARY}")
string(REPLACE "|" ";" options "${OPTIONS}")
execute_process(
  COMMAND "${CMAKE_COMMAND}" -S "${SOURCE}" -B "${BINARY}" -G "${GENERATOR}"
    -DCMAKE_DISABLE_FIND_PACKAGE_CURL=ON -DCMAKE_DISABLE_FIND_PACKAGE_Boost=ON
    -DCMAKE_DISABLE_FIND_PACKAGE_httplib=ON -DCMAKE_DISABLE_FIND_PACKAGE_PkgConfig=ON
    -DCMAKE_DISABLE_FIND_PACKAGE_GTest=ON ${options}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the configure without the HTTP dependencies failed (exit ${rc})")
endif()
foreach(expected
    "libcurl not found, so errcat::curl is not built"
    "Boost not found, so errcat::beast is not built"
    "cpp-httplib not found, so errcat::httplib, the fake server and 'errcat serve' are not built"
    "GoogleTest/GoogleMock not found, so errcat::gtest is not built")
  string(FIND "${out}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the configure did not report: ${expected}")
  endif()
endforeach()
file(GLOB_RECURSE makefiles "${BINARY}/*/build.make")
foreach(f IN LISTS makefiles)
  if(f MATCHES "errcat_(curl|beast|httplib|gtest|testing)_tests|errcat_fake_server")
    message(FATAL_ERROR "a test of a component that was not built is still registered: ${f}")
  endif()
endforeach()
file(REMOVE_RECURSE "${BINARY}")
