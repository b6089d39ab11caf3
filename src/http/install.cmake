# Install rules of errcat's HTTP components and test helpers (issue 17), included by
# cmake/errcatInstall.cmake (whose errcat_library_destinations it uses). Each component
# installs its target with its header set and its own targets file
# (errcat-<name>-targets.cmake, also exported for the build tree), so
# find_package(errcat COMPONENTS <name>) loads only what it asks for, and a component that
# was not built leaves no file behind. Headers that need only errcat::json are in its set.
include_guard(GLOBAL)

foreach(name IN ITEMS curl beast httplib testing catch2 gtest)
  if(NOT TARGET errcat_${name})
    continue()
  endif()
  install(TARGETS errcat_${name} EXPORT errcat-${name}-targets ${errcat_library_destinations})
  install(EXPORT errcat-${name}-targets
    FILE errcat-${name}-targets.cmake
    NAMESPACE errcat::
    DESTINATION "${ERRCAT_INSTALL_CMAKEDIR}"
    COMPONENT errcat_development)
  export(EXPORT errcat-${name}-targets FILE "${PROJECT_BINARY_DIR}/errcat-${name}-targets.cmake"
    NAMESPACE errcat::)
endforeach()

if(TARGET errcat_httplib)
  # The package finds cpp-httplib the way this build did.
  install(FILES "${PROJECT_SOURCE_DIR}/cmake/errcatFindHttplib.cmake"
    DESTINATION "${ERRCAT_INSTALL_CMAKEDIR}" COMPONENT errcat_development)
  configure_file("${PROJECT_SOURCE_DIR}/cmake/errcatFindHttplib.cmake"
    "${PROJECT_BINARY_DIR}/errcatFindHttplib.cmake" COPYONLY)
endif()
