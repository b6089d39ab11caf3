# The generator's parser and validator, and a catalog of the tests' own built with
# errcat_add_catalog exactly as a user's catalog would be.
errcat_test_executable(errcat_generator_tests test_template_parser.cpp
  LIBS errcat_catalog_source)

errcat_add_catalog(errcat_test_demo_catalog JSON data/demo.json
  NAMESPACE errcat_test::demo HEADER errcat/demo.hpp)
# Codes of different lengths that share their words: the direct index mixes in the length.
errcat_add_catalog(errcat_test_numeric_catalog JSON data/numeric.json
  NAMESPACE errcat_test::numeric HEADER errcat/numeric.hpp)
errcat_test_executable(errcat_demo_catalog_tests test_demo_catalog.cpp test_numeric_catalog.cpp
  LIBS errcat_test_demo_catalog errcat_test_numeric_catalog)
