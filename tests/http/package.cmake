# find_package(errcat COMPONENTS curl beast httplib testing gtest catch2) from the installed
# package, and a clear failure for a component the package lacks.
if(NOT ERRCAT_INSTALL OR NOT COMMAND errcat_consumer_test)
  return()
endif()

set(http_consumers "../http/consumer")  # relative to tests/consumer, as the function wants
if(TARGET errcat_curl AND TARGET errcat_beast AND TARGET errcat_httplib AND TARGET errcat_testing
   AND TARGET errcat_gtest AND TARGET errcat_catch2)
  errcat_consumer_test("consumer: find_package(errcat COMPONENTS curl beast httplib testing gtest catch2)"
    "${http_consumers}/all" PACKAGE WORK http_all RUN consumer
    OPTIONS "-Dnlohmann_json_DIR=${nlohmann_json_DIR}" "-DCatch2_DIR=${Catch2_DIR}")
endif()

# A copy of the installed prefix without the beast component, as a build without Boost
# installs it; asking for beast then fails naming it.
set(missing_prefix "${package_work}/prefix_without_beast")
add_test(NAME "install: a prefix without the beast component"
  COMMAND "${CMAKE_COMMAND}" "-DPREFIX=${package_prefix}" "-DOUT=${missing_prefix}"
    "-DCMAKEDIR=${ERRCAT_INSTALL_CMAKEDIR}" -DCOMPONENT=beast
    -P "${CMAKE_CURRENT_SOURCE_DIR}/http/consumer/missing/prepare.cmake")
set_tests_properties("install: a prefix without the beast component" PROPERTIES
  FIXTURES_REQUIRED errcat_installed FIXTURES_SETUP errcat_installed_without_beast
  LABELS package)
add_test(NAME "consumer: find_package(errcat COMPONENTS beast) fails clearly where beast was not built"
  COMMAND "${CMAKE_COMMAND}" ${consumer_driver}
    "-DSOURCE=${CMAKE_CURRENT_SOURCE_DIR}/http/consumer/missing"
    "-DBINARY=${package_work}/consumers/http_missing"
    "-DPREFIX_PATH=${missing_prefix}|${parent_prefix_path}"
    "-DOPTIONS=${consumer_options}"
    -P "${consumer_dir}/run.cmake")
set_tests_properties("consumer: find_package(errcat COMPONENTS beast) fails clearly where beast was not built"
  PROPERTIES FIXTURES_REQUIRED errcat_installed_without_beast LABELS package TIMEOUT 300
  # CMake wraps the reason over lines.
  PASS_REGULAR_EXPRESSION "errcat's component \"beast\" is not available: this errcat was built[ \n]+without[ \n]+it[ \n]+\\(ERRCAT_BEAST=OFF[ \n]+or[ \n]+Boost[ \n]+not[ \n]+found\\)")
