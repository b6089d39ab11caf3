# errcat::constant_table (the generated `<service>_table.hpp`) against the run-time catalogs:
# IAM, APIG, the tests' own demo catalog and, with the OTC catalogs, a few of those.
if(TARGET errcat_test_demo_catalog)
  set(errcat_constant_table_libs errcat_test_demo_catalog)
  if(TARGET errcat_otc)
    list(APPEND errcat_constant_table_libs errcat::otc)
  endif()
  errcat_test_executable(errcat_constant_table_tests test_constant_table.cpp
    LIBS ${errcat_constant_table_libs})
  target_compile_definitions(errcat_constant_table_tests PRIVATE
    ERRCAT_TEST_OTC=$<BOOL:$<TARGET_EXISTS:errcat_otc>>)
endif()

# The table header's emitter, called directly.
errcat_test_executable(errcat_emit_table_tests test_emit_table.cpp LIBS errcat_catalog_source)

# The constant table of the generated 20,000-row catalog (tests/generator_tests.cmake) in
# static_asserts, with the compiler's default limits. Built by the test, as that catalog is.
if(TARGET errcat_big_catalog)
  add_executable(errcat_big_constant_table_program EXCLUDE_FROM_ALL
    generator/big/big_constant_table.cpp)
  target_link_libraries(errcat_big_constant_table_program PRIVATE errcat_big_catalog)
  errcat_warnings(errcat_big_constant_table_program)
  add_test(NAME "a generated 20,000-row catalog's constant table works in static_assert with default limits"
    COMMAND ${CMAKE_COMMAND} --build "${PROJECT_BINARY_DIR}"
            --target errcat_big_constant_table_program --config $<CONFIG>)
  set_tests_properties(
    "a generated 20,000-row catalog's constant table works in static_assert with default limits"
    PROPERTIES FIXTURES_REQUIRED errcat_big_catalog RESOURCE_LOCK errcat_compile_fail
               LABELS big TIMEOUT 900)
endif()
