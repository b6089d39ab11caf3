# The registry and the bundled catalogs (issue 14).
errcat_test_executable(errcat_registry_tests otc/test_registry.cpp)
