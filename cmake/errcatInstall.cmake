# errcat's install rules: headers (hand-written and generated), the library, errcat-gen,
# the CMake package (errcatConfig.cmake with components, a SameMajorVersion version file,
# one targets file per component, errcat_add_catalog) and a relocatable pkg-config file.
# Included by the top-level CMakeLists.txt when ERRCAT_INSTALL is on.
include_guard(GLOBAL)
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(ERRCAT_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/errcat" CACHE STRING
  "Where errcat's CMake package files are installed (relative to the prefix)")
set(ERRCAT_INSTALL_PKGCONFIGDIR "${CMAKE_INSTALL_LIBDIR}/pkgconfig" CACHE STRING
  "Where errcat.pc is installed (relative to the prefix)")
mark_as_advanced(ERRCAT_INSTALL_CMAKEDIR ERRCAT_INSTALL_PKGCONFIGDIR)

# --- headers --------------------------------------------------------------------------
# The json component's headers include <nlohmann/json.hpp>, so they are installed with
# that component only: a core-only install must not carry headers that cannot compile.
set(errcat_json_headers
  "${PROJECT_SOURCE_DIR}/include/errcat/json.hpp"
  "${PROJECT_SOURCE_DIR}/include/errcat/testing.hpp")
if(TARGET errcat_json)
  # Any other header the json target lists (as a source or in a header file set) is its own.
  get_target_property(json_sources errcat_json SOURCES)
  get_target_property(json_header_sets errcat_json HEADER_SETS)
  if(NOT json_header_sets)
    set(json_header_sets "")
  endif()
  if(NOT json_sources)
    set(json_sources "")
  endif()
  foreach(hs IN LISTS json_header_sets)
    get_target_property(files errcat_json HEADER_SET_${hs})
    list(APPEND json_sources ${files})
  endforeach()
  foreach(f IN LISTS json_sources)
    cmake_path(ABSOLUTE_PATH f BASE_DIRECTORY "${PROJECT_SOURCE_DIR}/src/json" NORMALIZE)
    if(f MATCHES "^${PROJECT_SOURCE_DIR}/include/errcat/.*\\.hpp$")
      list(APPEND errcat_json_headers "${f}")
    endif()
  endforeach()
  list(REMOVE_DUPLICATES errcat_json_headers)
endif()

set(core_header_excludes)
foreach(f IN LISTS errcat_json_headers)
  file(RELATIVE_PATH rel "${PROJECT_SOURCE_DIR}/include" "${f}")
  string(REPLACE "." "\\." rel "${rel}")
  list(APPEND core_header_excludes REGEX "/include/${rel}$" EXCLUDE)
endforeach()
# The HTTP components and test helpers install their own headers (src/http/install.cmake).
list(APPEND core_header_excludes PATTERN "http" EXCLUDE PATTERN "testing" EXCLUDE)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
  COMPONENT errcat_development
  FILES_MATCHING PATTERN "*.hpp" ${core_header_excludes})
# version.hpp and the bundled catalogs (iam.hpp, apigw.hpp), generated at build time.
install(DIRECTORY "${PROJECT_BINARY_DIR}/errcat_generated/include/"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
  COMPONENT errcat_development
  FILES_MATCHING PATTERN "*.hpp")

# --- the core: library and generator --------------------------------------------------
install(TARGETS errcat errcat-gen
  EXPORT errcat-targets
  RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT errcat_runtime
  LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT errcat_runtime
          NAMELINK_COMPONENT errcat_development
  ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT errcat_development)
install(EXPORT errcat-targets
  FILE errcat-targets.cmake
  NAMESPACE errcat::
  DESTINATION "${ERRCAT_INSTALL_CMAKEDIR}"
  COMPONENT errcat_development)

# --- the json component: its own targets file, so only COMPONENTS json loads it --------
if(TARGET errcat_json)
  set(json_file_sets)
  if(json_header_sets)
    foreach(hs IN LISTS json_header_sets)
      list(APPEND json_file_sets FILE_SET ${hs} DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
        COMPONENT errcat_development)
    endforeach()
  endif()
  install(TARGETS errcat_json
    EXPORT errcat-json-targets
    RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT errcat_runtime
    LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT errcat_runtime
            NAMELINK_COMPONENT errcat_development
    ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT errcat_development
    ${json_file_sets})
  if(NOT json_header_sets)
    foreach(f IN LISTS errcat_json_headers)
      if(EXISTS "${f}")
        file(RELATIVE_PATH rel "${PROJECT_SOURCE_DIR}/include" "${f}")
        cmake_path(GET rel PARENT_PATH rel_dir)
        install(FILES "${f}" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/${rel_dir}"
          COMPONENT errcat_development)
      endif()
    endforeach()
  endif()
  install(EXPORT errcat-json-targets
    FILE errcat-json-targets.cmake
    NAMESPACE errcat::
    DESTINATION "${ERRCAT_INSTALL_CMAKEDIR}"
    COMPONENT errcat_development)
endif()

# The command-line tool (src/cli) installs itself, beside errcat-gen, in its own rules.

# --- the CMake package ----------------------------------------------------------------
set(package_dir "${PROJECT_BINARY_DIR}/errcat_package")
# The config file asks for the same fmt the library was built against (at least its major).
set(ERRCAT_FMT_VERSION "${fmt_VERSION_MAJOR}")
if(NOT ERRCAT_FMT_VERSION)
  set(ERRCAT_FMT_VERSION 9)
endif()
set(ERRCAT_NLOHMANN_JSON_VERSION 3.11)
configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/errcatConfig.cmake.in"
  "${package_dir}/errcatConfig.cmake"
  INSTALL_DESTINATION "${ERRCAT_INSTALL_CMAKEDIR}"
  NO_SET_AND_CHECK_MACRO)
write_basic_package_version_file("${package_dir}/errcatConfigVersion.cmake"
  VERSION "${PROJECT_VERSION}"
  COMPATIBILITY SameMajorVersion)
install(FILES
  "${package_dir}/errcatConfig.cmake"
  "${package_dir}/errcatConfigVersion.cmake"
  "${PROJECT_SOURCE_DIR}/cmake/errcatAddCatalog.cmake"
  DESTINATION "${ERRCAT_INSTALL_CMAKEDIR}"
  COMPONENT errcat_development)

# --- pkg-config -----------------------------------------------------------------------
# Paths are relative to ${pcfiledir}, so the file stays right wherever the tree is
# installed (cmake --install --prefix X) or moved. Absolute install dirs stay absolute.
if(IS_ABSOLUTE "${ERRCAT_INSTALL_PKGCONFIGDIR}")
  set(ERRCAT_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
  file(RELATIVE_PATH up "/errcat_root/${ERRCAT_INSTALL_PKGCONFIGDIR}" "/errcat_root")
  string(REGEX REPLACE "/$" "" up "${up}")
  set(ERRCAT_PC_PREFIX "\${pcfiledir}/${up}")
endif()
foreach(kind LIBDIR INCLUDEDIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${kind}}")
    set(ERRCAT_PC_${kind} "${CMAKE_INSTALL_${kind}}")
  else()
    set(ERRCAT_PC_${kind} "\${prefix}/${CMAKE_INSTALL_${kind}}")
  endif()
endforeach()
configure_file("${PROJECT_SOURCE_DIR}/cmake/errcat.pc.in" "${package_dir}/errcat.pc.in" @ONLY)
# The library's file name (a debug postfix, say) is only known per configuration.
file(GENERATE OUTPUT "${package_dir}/$<CONFIG>/errcat.pc" INPUT "${package_dir}/errcat.pc.in")
install(FILES "${package_dir}/$<CONFIG>/errcat.pc"
  DESTINATION "${ERRCAT_INSTALL_PKGCONFIGDIR}"
  COMPONENT errcat_development)

# --- the HTTP components and test helpers (issue 17): curl, beast, httplib, testing, catch2,
# gtest, each with its own targets file -------------------------------------------------
include("${PROJECT_SOURCE_DIR}/src/http/install.cmake" OPTIONAL)
