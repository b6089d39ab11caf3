# Configures, builds and runs one consumer project in a fresh binary directory, the way a
# user would, and prints every step's output (the failure tests match it). Used by
# tests/cmake/package.cmake:
#   cmake -DSOURCE=<project> -DBINARY=<dir> -DCXX=<compiler> -DBUILD_TYPE=<config>
#         -DGENERATOR=<cmake generator> [-DMAKE_PROGRAM=<make>] [-DCXX_FLAGS=<flags>]
#         [-DLINKER_FLAGS=<flags>] [-DPREFIX_PATH=<a|b>] [-DOPTIONS=<-Dx=1|-Dy=2>]
#         [-DRUN=<program built by the project>] [-DJOBS=<n>] -P run.cmake
# Lists use | so that ctest passes them as one argument.
cmake_minimum_required(VERSION 3.25)
foreach(v SOURCE BINARY CXX GENERATOR)
  if(NOT DEFINED ${v} OR "${${v}}" STREQUAL "")
    message(FATAL_ERROR "run.cmake: -D${v}=... is required")
  endif()
endforeach()
if(NOT JOBS)
  set(JOBS 1)
endif()
string(REPLACE "|" ";" prefix_path "${PREFIX_PATH}")
string(REPLACE "|" ";" options "${OPTIONS}")

# A fresh directory each time, so a cached result of an earlier run proves nothing.
file(REMOVE_RECURSE "${BINARY}")
file(MAKE_DIRECTORY "${BINARY}")

set(configure "${CMAKE_COMMAND}" -S "${SOURCE}" -B "${BINARY}" -G "${GENERATOR}"
  "-DCMAKE_CXX_COMPILER=${CXX}"
  "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}"
  "-DCMAKE_EXE_LINKER_FLAGS=${LINKER_FLAGS}"
  "-DCMAKE_PREFIX_PATH=${prefix_path}"
  # Only the prefix under test may provide errcat: no package registry, no system copy.
  -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF
  -DCMAKE_FIND_USE_SYSTEM_PACKAGE_REGISTRY=OFF
  ${options})
if(MAKE_PROGRAM)
  list(APPEND configure "-DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM}")
endif()
if(BUILD_TYPE)
  list(APPEND configure "-DCMAKE_BUILD_TYPE=${BUILD_TYPE}")
endif()

# step(<name> <command...>): runs the command, prints its output, stops on failure.
function(step name)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  message("---- ${name} (exit ${rc})\n${out}")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "consumer ${SOURCE}: ${name} failed (exit ${rc})")
  endif()
endfunction()

step(configure ${configure})
set(build "${CMAKE_COMMAND}" --build "${BINARY}" --parallel ${JOBS})
if(BUILD_TYPE)
  list(APPEND build --config "${BUILD_TYPE}")
endif()
step(build ${build})
if(RUN)
  set(program "${BINARY}/${RUN}")
  if(NOT EXISTS "${program}" AND BUILD_TYPE)
    set(program "${BINARY}/${BUILD_TYPE}/${RUN}")
  endif()
  step(run "${program}")
endif()
