# Install rules of errcat's HTTP components and test helpers (issue 17), included by
# cmake/errcatInstall.cmake. Each component installs its headers and its own targets file
# (errcat-<name>-targets.cmake), so find_package(errcat COMPONENTS <name>) loads only what
# it asks for, and a component that was not built leaves no file behind.
include_guard(GLOBAL)

set(errcat_http_include "${PROJECT_SOURCE_DIR}/include/errcat")

# errcat_install_http_component(<name> HEADERS <files relative to include/errcat>...)
# Installs target errcat_<name> (when it exists) with its export set and headers.
function(errcat_install_http_component name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "HEADERS")
  if(NOT TARGET errcat_${name})
    return()
  endif()
  install(TARGETS errcat_${name}
    EXPORT errcat-${name}-targets
    RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT errcat_runtime
    LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT errcat_runtime
            NAMELINK_COMPONENT errcat_development
    ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT errcat_development)
  install(EXPORT errcat-${name}-targets
    FILE errcat-${name}-targets.cmake
    NAMESPACE errcat::
    DESTINATION "${ERRCAT_INSTALL_CMAKEDIR}"
    COMPONENT errcat_development)
  foreach(h IN LISTS arg_HEADERS)
    cmake_path(GET h PARENT_PATH dir)
    install(FILES "${errcat_http_include}/${h}"
      DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/errcat/${dir}"
      COMPONENT errcat_development)
  endforeach()
endfunction()

# Headers that need only errcat::json: installed with it (<errcat/testing.hpp>, already
# part of the json component, includes the fixtures and the Catch2 matchers).
if(TARGET errcat_json)
  install(FILES "${errcat_http_include}/http/response.hpp"
    DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/errcat/http" COMPONENT errcat_development)
  install(FILES "${errcat_http_include}/testing/fixtures.hpp"
    "${errcat_http_include}/testing/catch2.hpp"
    DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/errcat/testing" COMPONENT errcat_development)
endif()

errcat_install_http_component(curl HEADERS http/curl.hpp)
errcat_install_http_component(beast HEADERS http/beast.hpp)
errcat_install_http_component(httplib HEADERS http/httplib.hpp)
errcat_install_http_component(testing HEADERS testing/fake_server.hpp)
errcat_install_http_component(catch2)
errcat_install_http_component(gtest HEADERS testing/gtest.hpp)
if(TARGET errcat_httplib)
  # The installed package finds cpp-httplib the way this build did.
  install(FILES "${PROJECT_SOURCE_DIR}/cmake/errcatFindHttplib.cmake"
    DESTINATION "${ERRCAT_INSTALL_CMAKEDIR}" COMPONENT errcat_development)
endif()
