# The registry's side of the build: every catalog errcat bundles goes through
# errcat_bundle_catalog(), which generates it into the core library (as errcat_add_catalog
# does for users) and records it; errcat_bundle_registry() then writes the registry's data
# for exactly that set (src/registry.cpp compiles it), so no list of catalogs is kept by
# hand anywhere. The order of the calls is the registry's default order.
# Included from the top-level CMakeLists.txt: errcat_add_catalog's generation rules must
# live in the directory of the target that compiles them.
include_guard(GLOBAL)

# errcat_bundle_catalog(JSON <file> NAMESPACE <ns> HEADER <include-path ending in .hpp>)
function(errcat_bundle_catalog)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "JSON;NAMESPACE;HEADER" "")
  if(arg_UNPARSED_ARGUMENTS OR NOT arg_JSON OR NOT arg_NAMESPACE OR NOT arg_HEADER
     OR NOT arg_HEADER MATCHES "\\.hpp$")
    message(FATAL_ERROR "errcat_bundle_catalog(JSON <file> NAMESPACE <ns> HEADER <path>): got ${ARGN}")
  endif()
  cmake_path(ABSOLUTE_PATH arg_JSON BASE_DIRECTORY "${PROJECT_SOURCE_DIR}" NORMALIZE)
  # The table header is named here as errcat_add_catalog would name it; the registry's
  # index includes the run-time header (its slots hold entry addresses as constants).
  string(REGEX REPLACE "\\.hpp$" "_table.hpp" table_header "${arg_HEADER}")
  errcat_add_catalog(errcat JSON "${arg_JSON}" NAMESPACE "${arg_NAMESPACE}"
    HEADER "${arg_HEADER}" TABLE_HEADER "${table_header}"
    OUTPUT_DIR "${PROJECT_BINARY_DIR}/errcat_generated")
  set_property(GLOBAL APPEND PROPERTY ERRCAT_BUNDLED_ARGS
    "${arg_NAMESPACE}" "${arg_HEADER}" "${table_header}" "${arg_JSON}")
  set_property(GLOBAL APPEND PROPERTY ERRCAT_BUNDLED_JSON "${arg_JSON}")
  set_property(GLOBAL APPEND PROPERTY ERRCAT_BUNDLED_HEADERS "${arg_HEADER}")
endfunction()

# errcat_bundle_registry(): after the last errcat_bundle_catalog().
function(errcat_bundle_registry)
  get_property(args GLOBAL PROPERTY ERRCAT_BUNDLED_ARGS)
  get_property(jsons GLOBAL PROPERTY ERRCAT_BUNDLED_JSON)
  if(NOT args)
    message(FATAL_ERROR "errcat_bundle_registry(): no catalog was bundled")
  endif()
  # A build-time tool only: it reads the catalogs' JSON, as errcat-gen does.
  add_executable(errcat-registry-gen "${PROJECT_SOURCE_DIR}/src/registry/index_gen.cpp")
  target_include_directories(errcat-registry-gen PRIVATE "${PROJECT_SOURCE_DIR}/include")
  target_compile_features(errcat-registry-gen PRIVATE cxx_std_20)
  target_link_libraries(errcat-registry-gen PRIVATE nlohmann_json::nlohmann_json)
  errcat_warnings(errcat-registry-gen)

  set(dir "${PROJECT_BINARY_DIR}/errcat_registry")
  set(out "${dir}/registry_data.hpp")
  file(MAKE_DIRECTORY "${dir}")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND errcat-registry-gen "${out}" ${args}
    DEPENDS ${jsons} errcat-registry-gen "${PROJECT_SOURCE_DIR}/src/registry/index.hpp"
    COMMENT "errcat: indexing the codes of the bundled catalogs"
    VERBATIM)
  target_sources(errcat PRIVATE "${PROJECT_SOURCE_DIR}/src/registry.cpp" "${out}")
  target_include_directories(errcat PRIVATE
    "$<BUILD_INTERFACE:${dir}>" "$<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/src/registry>")
endfunction()

# errcat_bundle_headers(): after the core's header set is declared (errcatHeaders.cmake),
# adds the registry's header and every bundled catalog's generated header it does not list
# yet, so they are installed and exported with errcat::errcat.
function(errcat_bundle_headers)
  get_property(headers GLOBAL PROPERTY ERRCAT_BUNDLED_HEADERS)
  get_target_property(listed errcat HEADER_SET_HEADERS)
  set(files "${PROJECT_SOURCE_DIR}/include/errcat/registry.hpp")
  foreach(h IN LISTS headers)
    set(f "${PROJECT_BINARY_DIR}/errcat_generated/include/${h}")
    if(NOT f IN_LIST listed)
      list(APPEND files "${f}")
    endif()
  endforeach()
  target_sources(errcat PUBLIC FILE_SET HEADERS FILES ${files})
endfunction()
