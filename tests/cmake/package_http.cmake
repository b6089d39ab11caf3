# The HTTP components from the installed package (after package.cmake, whose install
# fixture and errcat_consumer_test it uses). See tests/http/package.cmake.
include("${CMAKE_CURRENT_SOURCE_DIR}/http/package.cmake" OPTIONAL)
