# errcat's install rules: the libraries with their headers (hand-written and generated),
# errcat-gen, the CMake package (errcatConfig.cmake with components, a SameMajorVersion
# version file, one targets file per component, errcat_add_catalog) and a relocatable
# pkg-config file; and the same package for the build tree (export()).
# Included by the top-level CMakeLists.txt when ERRCAT_INSTALL is on.
include_guard(GLOBAL)
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(ERRCAT_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/errcat" CACHE STRING
  "Where errcat's CMake package files are installed (relative to the prefix)")
set(ERRCAT_INSTALL_PKGCONFIGDIR "${CMAKE_INSTALL_LIBDIR}/pkgconfig" CACHE STRING
  "Where errcat.pc is installed (relative to the prefix)")
mark_as_advanced(ERRCAT_INSTALL_CMAKEDIR ERRCAT_INSTALL_PKGCONFIGDIR)

# --- targets, each with its headers (FILE_SET HEADERS) ------------------------------
# Every installed library declares its public headers as a header file set where it is
# defined (the core in cmake/errcatHeaders.cmake, errcat::json in src/json/CMakeLists.txt),
# so each header is installed with its target and a core-only install carries no header
# that needs nlohmann_json.
set(errcat_library_destinations
  RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT errcat_runtime
  LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT errcat_runtime
          NAMELINK_COMPONENT errcat_development
  ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT errcat_development
  FILE_SET HEADERS DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}" COMPONENT errcat_development)

# The core: library and generator.
install(TARGETS errcat errcat-gen EXPORT errcat-targets ${errcat_library_destinations})
install(EXPORT errcat-targets
  FILE errcat-targets.cmake
  NAMESPACE errcat::
  DESTINATION "${ERRCAT_INSTALL_CMAKEDIR}"
  COMPONENT errcat_development)
# The same targets for a build tree used as a package (errcat_DIR=<build>), as fmt and
# nlohmann_json offer: see errcatConfig.cmake below.
export(EXPORT errcat-targets FILE "${PROJECT_BINARY_DIR}/errcat-targets.cmake"
  NAMESPACE errcat::)

# The json component: its own targets file, so only COMPONENTS json loads it.
if(TARGET errcat_json)
  install(TARGETS errcat_json EXPORT errcat-json-targets ${errcat_library_destinations})
  install(EXPORT errcat-json-targets
    FILE errcat-json-targets.cmake
    NAMESPACE errcat::
    DESTINATION "${ERRCAT_INSTALL_CMAKEDIR}"
    COMPONENT errcat_development)
  export(EXPORT errcat-json-targets FILE "${PROJECT_BINARY_DIR}/errcat-json-targets.cmake"
    NAMESPACE errcat::)
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
# The build tree's package: the same config file beside the exported targets.
configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/errcatConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/errcatConfig.cmake"
  INSTALL_DESTINATION "${PROJECT_BINARY_DIR}"
  INSTALL_PREFIX "${PROJECT_BINARY_DIR}"
  NO_SET_AND_CHECK_MACRO)
configure_file("${package_dir}/errcatConfigVersion.cmake"
  "${PROJECT_BINARY_DIR}/errcatConfigVersion.cmake" COPYONLY)
configure_file("${PROJECT_SOURCE_DIR}/cmake/errcatAddCatalog.cmake"
  "${PROJECT_BINARY_DIR}/errcatAddCatalog.cmake" COPYONLY)
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
include("${PROJECT_SOURCE_DIR}/src/http/install.cmake")
