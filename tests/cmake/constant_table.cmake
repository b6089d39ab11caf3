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
