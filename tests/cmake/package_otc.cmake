# find_package(errcat COMPONENTS otc) against the installed prefix (after package.cmake,
# whose install fixture and consumer driver it reuses).
if(TARGET errcat_otc AND COMMAND errcat_consumer_test AND DEFINED package_work)
  add_test(NAME "package: COMPONENTS otc gives errcat::otc, its headers and the registry"
    COMMAND "${CMAKE_COMMAND}" ${consumer_driver}
      "-DSOURCE=${PROJECT_SOURCE_DIR}/tests/otc/consumer"
      "-DBINARY=${package_work}/consumers/otc"
      "-DPREFIX_PATH=${package_prefix}|${parent_prefix_path}"
      "-DOPTIONS=${consumer_options}"
      "-DRUN=otc_consumer"
      "-DJOBS=1"
      -P "${PROJECT_SOURCE_DIR}/tests/consumer/run.cmake")
  set_tests_properties("package: COMPONENTS otc gives errcat::otc, its headers and the registry"
    PROPERTIES FIXTURES_REQUIRED errcat_installed TIMEOUT 600 LABELS package
               PASS_REGULAR_EXPRESSION "otc consumer: Ecs\\.0114 The ECS does not exist\\.")
endif()
