# errcat_find_httplib([REQUIRED]): makes the target httplib::httplib for cpp-httplib, from
# its own CMake package when it has one (upstream installs httplibConfig.cmake), else from
# its pkg-config file (Debian's libcpp-httplib-dev ships the compiled library with a .pc
# file only; its compile definitions must be used, as they change the library's types).
# Sets errcat_httplib_FOUND. Used by errcat's build and by its installed package.
include_guard(GLOBAL)

macro(errcat_find_httplib)
  set(errcat_httplib_FOUND FALSE)
  if(TARGET httplib::httplib)
    set(errcat_httplib_FOUND TRUE)
  else()
    find_package(httplib CONFIG QUIET)
    if(TARGET httplib::httplib)
      set(errcat_httplib_FOUND TRUE)
    else()
      find_package(PkgConfig QUIET)
      if(PKG_CONFIG_FOUND)
        pkg_check_modules(errcat_cpp_httplib QUIET IMPORTED_TARGET GLOBAL cpp-httplib)
        if(errcat_cpp_httplib_FOUND)
          add_library(httplib::httplib ALIAS PkgConfig::errcat_cpp_httplib)
          set(errcat_httplib_FOUND TRUE)
        endif()
      endif()
    endif()
  endif()
  if(NOT errcat_httplib_FOUND AND "${ARGN}" STREQUAL "REQUIRED")
    message(FATAL_ERROR "cpp-httplib was found neither as a CMake package (httplib) nor by "
                        "pkg-config (cpp-httplib)")
  endif()
endmacro()
