# Every public header under include/errcat/ is installed by exactly one target: it belongs
# to one target's FILE_SET HEADERS (cmake/errcatHeaders.cmake for the core,
# src/json/CMakeLists.txt for errcat::json). A header in no set would be missing from an
# install; a header in two would be installed twice.
function(errcat_collect_targets dir out)
  get_property(targets DIRECTORY "${dir}" PROPERTY BUILDSYSTEM_TARGETS)
  get_property(subdirs DIRECTORY "${dir}" PROPERTY SUBDIRECTORIES)
  foreach(sub IN LISTS subdirs)
    errcat_collect_targets("${sub}" more)
    list(APPEND targets ${more})
  endforeach()
  set(${out} ${targets} PARENT_SCOPE)
endfunction()

errcat_collect_targets("${PROJECT_SOURCE_DIR}" all_targets)
set(in_sets)
foreach(t IN LISTS all_targets)
  get_target_property(type ${t} TYPE)
  if(type STREQUAL "INTERFACE_LIBRARY" OR type STREQUAL "UTILITY")
    continue()
  endif()
  get_target_property(sets ${t} HEADER_SETS)
  foreach(s IN LISTS sets)
    get_target_property(files ${t} HEADER_SET_${s})
    foreach(f IN LISTS files)
      cmake_path(ABSOLUTE_PATH f NORMALIZE)
      list(APPEND in_sets "${f}")
    endforeach()
  endforeach()
endforeach()

file(GLOB_RECURSE public_headers CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/include/errcat/*.hpp")
set(missing)
set(twice)
foreach(h IN LISTS public_headers)
  set(n 0)
  foreach(f IN LISTS in_sets)
    if(f STREQUAL h)
      math(EXPR n "${n} + 1")
    endif()
  endforeach()
  file(RELATIVE_PATH rel "${PROJECT_SOURCE_DIR}" "${h}")
  if(n EQUAL 0)
    list(APPEND missing "${rel}")
  elseif(n GREATER 1)
    list(APPEND twice "${rel}")
  endif()
endforeach()
list(JOIN missing "|" missing)
list(JOIN twice "|" twice)
add_test(NAME "headers: every public header belongs to an installed target's header set"
  COMMAND "${CMAKE_COMMAND}"
    "-DWHAT=headers in no target's FILE_SET HEADERS (list each in cmake/errcatHeaders.cmake or src/json/CMakeLists.txt)"
    "-DITEMS=${missing}" -P "${PROJECT_SOURCE_DIR}/tests/support/expect_empty.cmake")
add_test(NAME "headers: no public header belongs to two targets' header sets"
  COMMAND "${CMAKE_COMMAND}" "-DWHAT=headers in more than one target's FILE_SET HEADERS"
    "-DITEMS=${twice}" -P "${PROJECT_SOURCE_DIR}/tests/support/expect_empty.cmake")
