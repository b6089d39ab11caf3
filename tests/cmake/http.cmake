# The HTTP components (issue 17): the fake server, the adapters against it over 127.0.0.1,
# the GoogleTest matchers, the 'errcat serve' command and the examples. Each part is
# registered only when its component was built. Files live under tests/http/.
include("${CMAKE_CURRENT_SOURCE_DIR}/http/tests.cmake" OPTIONAL)
