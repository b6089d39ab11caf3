# The CMake package and the install, tested the way users consume errcat: an install
# fixture puts this build into a temporary prefix; small projects under tests/consumer/ are
# configured, built and run against it (find_package), or against the source tree
# (add_subdirectory, FetchContent); the installed library is checked for static
# initialisers, and errcat.pc is tried with pkg-config.
set(consumer_dir "${PROJECT_SOURCE_DIR}/tests/consumer")
set(package_work "${CMAKE_CURRENT_BINARY_DIR}/package")
set(package_prefix "${package_work}/prefix")

# What every consumer gets from this build: the compiler and its flags, the configuration,
# the generator, and where the dependencies were found.
list(JOIN CMAKE_PREFIX_PATH "|" parent_prefix_path)
set(consumer_options "-Dfmt_DIR=${fmt_DIR}")
if(CMAKE_TOOLCHAIN_FILE)
  string(APPEND consumer_options "|-DCMAKE_TOOLCHAIN_FILE=${CMAKE_TOOLCHAIN_FILE}")
endif()
set(consumer_driver
  "-DCXX=${CMAKE_CXX_COMPILER}"
  "-DCXX_FLAGS=${CMAKE_CXX_FLAGS}"
  "-DLINKER_FLAGS=${CMAKE_EXE_LINKER_FLAGS}"
  "-DBUILD_TYPE=$<CONFIG>"
  "-DGENERATOR=${CMAKE_GENERATOR}"
  "-DMAKE_PROGRAM=${CMAKE_MAKE_PROGRAM}")

# errcat_consumer_test(<test name> <project folder> [PACKAGE] [RUN <program>] [JOBS <n>]
#                      [OPTIONS <-Dx=y>...] [PASS <regex>] [WORK <binary folder name>])
# Configures, builds and (with RUN) runs tests/consumer/<project folder>. PACKAGE: against
# the installed prefix (needs the install fixture). PASS: the test passes when the output
# matches <regex> (for projects that must fail), whatever the exit status.
function(errcat_consumer_test name project)
  cmake_parse_arguments(PARSE_ARGV 2 arg "PACKAGE" "RUN;JOBS;PASS;WORK" "OPTIONS")
  if(NOT arg_JOBS)
    set(arg_JOBS 1)
  endif()
  if(NOT arg_WORK)
    set(arg_WORK "${project}")
  endif()
  set(prefix_path "${parent_prefix_path}")
  if(arg_PACKAGE)
    set(prefix_path "${package_prefix}|${parent_prefix_path}")
  endif()
  set(options "${consumer_options}")
  foreach(o IN LISTS arg_OPTIONS)
    string(APPEND options "|${o}")
  endforeach()
  add_test(NAME "${name}"
    COMMAND "${CMAKE_COMMAND}" ${consumer_driver}
      "-DSOURCE=${consumer_dir}/${project}"
      "-DBINARY=${package_work}/consumers/${arg_WORK}"
      "-DPREFIX_PATH=${prefix_path}"
      "-DOPTIONS=${options}"
      "-DRUN=${arg_RUN}"
      "-DJOBS=${arg_JOBS}"
      -P "${consumer_dir}/run.cmake")
  set_tests_properties("${name}" PROPERTIES PROCESSORS ${arg_JOBS} TIMEOUT 600 LABELS package)
  if(arg_PACKAGE)
    set_tests_properties("${name}" PROPERTIES FIXTURES_REQUIRED errcat_installed)
  endif()
  if(arg_PASS)
    set_tests_properties("${name}" PROPERTIES PASS_REGULAR_EXPRESSION "${arg_PASS}")
  endif()
endfunction()

# --- consumers built with errcat's sources: no install needed ------------------------
# Both build errcat and errcat-gen themselves, so they get two cores each.
errcat_consumer_test("consumer: errcat_add_catalog via add_subdirectory" catalog
  WORK catalog_subdirectory RUN consumer JOBS 2
  OPTIONS -DERRCAT_CONSUMER_MODE=subdirectory "-DERRCAT_SOURCE_DIR=${PROJECT_SOURCE_DIR}"
          "-Dnlohmann_json_DIR=${nlohmann_json_DIR}")
errcat_consumer_test("consumer: errcat_add_catalog via FetchContent from the local source" catalog
  WORK catalog_fetchcontent RUN consumer JOBS 2
  OPTIONS -DERRCAT_CONSUMER_MODE=fetchcontent "-DERRCAT_SOURCE_DIR=${PROJECT_SOURCE_DIR}"
          "-Dnlohmann_json_DIR=${nlohmann_json_DIR}")

if(NOT ERRCAT_INSTALL)
  message(STATUS "errcat: ERRCAT_INSTALL is off, so the install and find_package tests are skipped")
  return()
endif()

# --- the install fixture ---------------------------------------------------------------
set(has_json OFF)
if(TARGET errcat_json)
  set(has_json ON)
endif()
add_test(NAME "install: errcat into a temporary prefix"
  COMMAND "${CMAKE_COMMAND}"
    "-DBUILD_DIR=${PROJECT_BINARY_DIR}" "-DPREFIX=${package_prefix}" "-DCONFIG=$<CONFIG>"
    "-DLIBDIR=${CMAKE_INSTALL_LIBDIR}" "-DINCLUDEDIR=${CMAKE_INSTALL_INCLUDEDIR}"
    "-DBINDIR=${CMAKE_INSTALL_BINDIR}" "-DCMAKEDIR=${ERRCAT_INSTALL_CMAKEDIR}"
    "-DPCDIR=${ERRCAT_INSTALL_PKGCONFIGDIR}"
    "-DLIBRARY=$<TARGET_FILE_NAME:errcat>" "-DGEN=$<TARGET_FILE_NAME:errcat-gen>"
    "-DJSON=${has_json}"
    -P "${consumer_dir}/install.cmake")
set_tests_properties("install: errcat into a temporary prefix" PROPERTIES
  FIXTURES_SETUP errcat_installed TIMEOUT 300 LABELS package)

# --- find_package consumers ------------------------------------------------------------
# The core consumer runs with nlohmann_json_DIR pointing at a trap that fails the configure
# if anything searches for nlohmann_json: linking errcat::errcat must not need it.
errcat_consumer_test("consumer: find_package(errcat) core only, never searching nlohmann_json"
  core PACKAGE RUN consumer
  OPTIONS "-DEXPECTED_PREFIX=${package_prefix}" "-Dnlohmann_json_DIR=${consumer_dir}/nlohmann_trap")
# Without {fmt}: its headers are #error on the consumer's include path, so any header a
# catalog (or the umbrella) includes that reaches fmt fails the build.
errcat_consumer_test("consumer: the core compiles and runs with {fmt} unreachable"
  no_fmt PACKAGE RUN consumer)
errcat_consumer_test("consumer: find_package(errcat COMPONENTS format) formats errors with {fmt}"
  format PACKAGE RUN consumer)
errcat_consumer_test("consumer: find_package(errcat) fails naming an unknown component"
  unknown_component PACKAGE
  PASS "errcat has no component \"frobnicate\"")
errcat_consumer_test("consumer: find_package(errcat 1.0) rejects the 0.x package"
  version PACKAGE
  PASS "The following configuration files were considered but not accepted:.*errcatConfig\\.cmake, version: ${PROJECT_VERSION}")
if(has_json)
  errcat_consumer_test("consumer: find_package(errcat COMPONENTS json)" json PACKAGE RUN consumer
    OPTIONS "-Dnlohmann_json_DIR=${nlohmann_json_DIR}")
  # The same project with the trap shows that the trap does catch a search.
  errcat_consumer_test("consumer: the nlohmann_json trap catches the json component's search"
    json PACKAGE WORK json_trap
    OPTIONS "-Dnlohmann_json_DIR=${consumer_dir}/nlohmann_trap"
    PASS "errcat consumer trap: nlohmann_json was searched for")
endif()
errcat_consumer_test("consumer: errcat_add_catalog from the installed package" catalog
  PACKAGE WORK catalog_package RUN consumer OPTIONS -DERRCAT_CONSUMER_MODE=package)
errcat_consumer_test("consumer: an invalid catalog JSON fails the build with the generator's message"
  bad_catalog PACKAGE
  PASS "errcat-gen: [^\n]*/bad_catalog/bad\\.json: errors\\[1\\] \\(BAD\\.0002\\): field \"status\" must be an integer, not a string")

# --- the build tree as a package (export()) -------------------------------------------
# errcat_DIR pointing at this build: the same targets, without installing.
errcat_consumer_test("consumer: find_package(errcat) from the build tree, never searching nlohmann_json"
  core WORK core_build_tree RUN consumer
  OPTIONS "-Derrcat_DIR=${PROJECT_BINARY_DIR}" "-DEXPECTED_PREFIX=${PROJECT_BINARY_DIR}"
          "-Dnlohmann_json_DIR=${consumer_dir}/nlohmann_trap")
if(has_json)
  errcat_consumer_test("consumer: find_package(errcat COMPONENTS json) from the build tree"
    json WORK json_build_tree RUN consumer
    OPTIONS "-Derrcat_DIR=${PROJECT_BINARY_DIR}" "-Dnlohmann_json_DIR=${nlohmann_json_DIR}")
endif()
errcat_consumer_test("consumer: errcat_add_catalog from the build tree" catalog
  WORK catalog_build_tree RUN consumer
  OPTIONS -DERRCAT_CONSUMER_MODE=package "-Derrcat_DIR=${PROJECT_BINARY_DIR}")

# --- no static initialisers in the installed library ----------------------------------
get_target_property(errcat_type errcat TYPE)
if(CMAKE_NM AND CMAKE_OBJDUMP AND errcat_type MATCHES "STATIC_LIBRARY|SHARED_LIBRARY"
   AND NOT WIN32 AND NOT APPLE)
  set(installed_libraries errcat)
  if(has_json)
    list(APPEND installed_libraries errcat_json)
  endif()
  foreach(lib IN LISTS installed_libraries)
    set(name "static initialisers: none in the installed library")
    if(NOT lib STREQUAL "errcat")
      set(name "static initialisers: none in the installed ${lib} library")
    endif()
    add_test(NAME "${name}"
      COMMAND "${CMAKE_COMMAND}"
        "-DLIB=${package_prefix}/${CMAKE_INSTALL_LIBDIR}/$<TARGET_FILE_NAME:${lib}>"
        "-DNM=${CMAKE_NM}" "-DOBJDUMP=${CMAKE_OBJDUMP}"
        -P "${consumer_dir}/static_init/check.cmake")
    set_tests_properties("${name}" PROPERTIES FIXTURES_REQUIRED errcat_installed LABELS package)
  endforeach()
  # The same check on a library of the same kind with one static initialiser must fail.
  string(REPLACE "_LIBRARY" "" probe_type "${errcat_type}")
  add_library(errcat_static_init_probe ${probe_type}
    "${consumer_dir}/static_init/with_initialiser.cpp")
  errcat_warnings(errcat_static_init_probe)
  add_test(NAME "static initialisers: the check finds one in a probe library"
    COMMAND "${CMAKE_COMMAND}"
      "-DLIB=$<TARGET_FILE:errcat_static_init_probe>"
      "-DNM=${CMAKE_NM}" "-DOBJDUMP=${CMAKE_OBJDUMP}"
      -P "${consumer_dir}/static_init/check.cmake")
  set_tests_properties("static initialisers: the check finds one in a probe library" PROPERTIES
    PASS_REGULAR_EXPRESSION "static initialiser symbol: [^\n]*with_initialiser[^\n]*_GLOBAL__sub_I_.*with_initialiser[^\n]*: section \\.init_array holds"
    LABELS package)
else()
  message(STATUS "errcat: no nm/objdump for an ELF library, so the static initialiser test is skipped")
endif()

# --- pkg-config --------------------------------------------------------------------------
find_package(PkgConfig QUIET)
if(PKG_CONFIG_EXECUTABLE AND NOT IS_ABSOLUTE "${ERRCAT_INSTALL_PKGCONFIGDIR}")
  add_test(NAME "pkg-config: errcat.pc points into the prefix and builds a program"
    COMMAND "${CMAKE_COMMAND}"
      "-DPKG_CONFIG=${PKG_CONFIG_EXECUTABLE}" "-DPREFIX=${package_prefix}"
      "-DPC_DIR=${package_prefix}/${ERRCAT_INSTALL_PKGCONFIGDIR}"
      "-DLIB_NAME=$<TARGET_LINKER_FILE_BASE_NAME:errcat>"
      "-DCXX=${CMAKE_CXX_COMPILER}" "-DSOURCE=${consumer_dir}/pkg_config/main.cpp"
      "-DOUT=${package_work}/pkg_config_program"
      -P "${consumer_dir}/pkg_config/check.cmake")
  set_tests_properties("pkg-config: errcat.pc points into the prefix and builds a program"
    PROPERTIES FIXTURES_REQUIRED errcat_installed TIMEOUT 300 LABELS package)
else()
  message(STATUS "errcat: pkg-config not found, so the pkg-config test is skipped")
endif()
