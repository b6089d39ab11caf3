# The HTTP components (issue 17): the fake server, the adapters against it over 127.0.0.1,
# the GoogleTest matchers, the 'errcat serve' command, the examples and the manual; then
# the components from the installed package (after package.cmake, whose install fixture
# and errcat_consumer_test they use). Each part is registered only when its component was
# built. The files live under tests/http/.
include("${CMAKE_CURRENT_SOURCE_DIR}/http/tests.cmake")
include("${CMAKE_CURRENT_SOURCE_DIR}/http/package.cmake")
