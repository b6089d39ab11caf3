# Checks that errcat-gen still gives a bundled catalog's entries the code, status, errc
# value and name recorded in EXPECTED (one "code status value name" line per entry, in
# documented order, taken from the generator before the staged rewrite):
#   cmake -DGEN=<errcat-gen> -DINPUT=<json> -DOUT=<dir> -DEXPECTED=<file> -P expect_values.cmake
execute_process(
  COMMAND "${GEN}" "${INPUT}" --header "${OUT}/catalog.hpp" --source "${OUT}/catalog.cpp"
  RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "errcat-gen failed on ${INPUT}: ${err}")
endif()
file(STRINGS "${OUT}/catalog.hpp" lines REGEX "^  [a-z_0-9]+ = [0-9]+,  ///< ")
set(actual "")
foreach(line IN LISTS lines)
  string(REGEX REPLACE "^  ([a-z_0-9]+) = ([0-9]+),  ///< ([^ ]+) \\(([0-9]+)\\):.*$"
         "\\3 \\4 \\2 \\1" entry "${line}")
  string(APPEND actual "${entry}\n")
endforeach()
file(READ "${EXPECTED}" expected)
if(NOT actual STREQUAL expected)
  file(WRITE "${OUT}/actual.values" "${actual}")
  message(FATAL_ERROR "errc values of ${INPUT} changed; compare ${EXPECTED} with ${OUT}/actual.values")
endif()
message(STATUS "${INPUT}: every entry keeps its code, status, errc value and name")
