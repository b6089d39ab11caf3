# The install fixture: `cmake --install` of the configured and built errcat tree into a
# fresh prefix, then a check of the layout a consumer relies on.
#   cmake -DBUILD_DIR=<errcat build> -DPREFIX=<prefix> [-DCONFIG=<config>] -DLIBDIR=<lib>
#         -DINCLUDEDIR=<include> -DBINDIR=<bin> -DCMAKEDIR=<lib/cmake/errcat>
#         -DPCDIR=<lib/pkgconfig> -DLIBRARY=<liberrcat file name> -DGEN=<errcat-gen file name>
#         -DJSON=<ON if the json component is built> -P install.cmake
cmake_minimum_required(VERSION 3.25)
file(REMOVE_RECURSE "${PREFIX}")
set(install "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}")
if(CONFIG)
  list(APPEND install --config "${CONFIG}")
endif()
execute_process(COMMAND ${install} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
message("${out}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed (exit ${rc}); is the tree fully built?")
endif()

set(expected
  "${INCLUDEDIR}/errcat/errcat.hpp"
  "${INCLUDEDIR}/errcat/catalog_api.hpp"
  "${INCLUDEDIR}/errcat/version.hpp"
  "${INCLUDEDIR}/errcat/iam.hpp"
  "${INCLUDEDIR}/errcat/apigw.hpp"
  "${LIBDIR}/${LIBRARY}"
  "${BINDIR}/${GEN}"
  "${CMAKEDIR}/errcatConfig.cmake"
  "${CMAKEDIR}/errcatConfigVersion.cmake"
  "${CMAKEDIR}/errcat-targets.cmake"
  "${CMAKEDIR}/errcatAddCatalog.cmake"
  "${PCDIR}/errcat.pc")
set(json_files "${CMAKEDIR}/errcat-json-targets.cmake" "${INCLUDEDIR}/errcat/json.hpp")
if(JSON)
  list(APPEND expected ${json_files})
endif()
set(missing)
foreach(f IN LISTS expected)
  if(NOT EXISTS "${PREFIX}/${f}")
    list(APPEND missing "${f}")
  endif()
endforeach()
if(missing)
  message(FATAL_ERROR "the install into ${PREFIX} lacks: ${missing}")
endif()
if(NOT JSON)
  foreach(f IN LISTS json_files)
    if(EXISTS "${PREFIX}/${f}")
      message(FATAL_ERROR "the json component is not built, yet ${f} was installed")
    endif()
  endforeach()
endif()
message("errcat installed into ${PREFIX}")
