# errcat_add_catalog(<target> JSON <file> NAMESPACE <ns> [HEADER <include-path>]
#                    [GENERATOR <exe>] [OUTPUT_DIR <dir>] [TYPE_BASE <uri>]
#                    [DOMAIN <name>] [TABLE_HEADER <include-path>])
#
# Generates a constexpr catalog from <file> at build time (again whenever the JSON or the
# generator changes) and makes it available to <target>: `#include <HEADER>` gives
# namespace <ns> with catalog, errc, category(), make() and make<>().
#
# - If <target> exists, the catalog's generated source is added to it. Otherwise a static
#   library <target> is created that links errcat::errcat.
# - HEADER defaults to "<last namespace component>.hpp". It is the run-time header: errc,
#   category(), the catalog's declaration and make<>(). TABLE_HEADER (default: HEADER with
#   "_table" before ".hpp") is the constexpr table `table` and render<>(), for constant
#   evaluation; only the generated source and translation units that static_assert on
#   the catalog include it.
# - GENERATOR (or the ERRCAT_GENERATOR cache variable) names an errcat-gen to run instead
#   of errcat::errcat-gen, for cross builds (like protobuf's PROTOC_EXE): a path or an
#   executable target. errcat::errcat-gen is errcat's own generator whichever way errcat
#   came in: built beside it (add_subdirectory, FetchContent) or imported from the
#   installed package (find_package), so the function behaves the same in all three.
# - OUTPUT_DIR is where the generated include/ and src/ folders go (default: a folder
#   named after <target> under the current binary directory).
# - TYPE_BASE and DOMAIN set the catalog's RFC 9457 `type` URI base and google.rpc
#   ErrorInfo domain (errcat-gen --type-base/--domain), overriding the JSON's values.
# A JSON file the generator rejects fails the build with the generator's message.
include_guard(GLOBAL)

function(errcat_add_catalog target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "JSON;NAMESPACE;HEADER;TABLE_HEADER;GENERATOR;OUTPUT_DIR;TYPE_BASE;DOMAIN" "")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "errcat_add_catalog(${target}): unknown arguments: ${arg_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT arg_JSON)
    message(FATAL_ERROR "errcat_add_catalog(${target}): JSON <file> is required")
  endif()
  if(NOT arg_NAMESPACE)
    message(FATAL_ERROR "errcat_add_catalog(${target}): NAMESPACE <ns> is required")
  endif()
  if(NOT arg_NAMESPACE MATCHES "^[A-Za-z_][A-Za-z0-9_]*(::[A-Za-z_][A-Za-z0-9_]*)*$")
    message(FATAL_ERROR "errcat_add_catalog(${target}): NAMESPACE \"${arg_NAMESPACE}\" is not a C++ namespace name")
  endif()
  cmake_path(ABSOLUTE_PATH arg_JSON BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}" NORMALIZE)
  if(NOT EXISTS "${arg_JSON}")
    message(FATAL_ERROR "errcat_add_catalog(${target}): JSON file ${arg_JSON} does not exist")
  endif()
  set(extra_args)
  if(arg_TYPE_BASE)
    if(NOT arg_TYPE_BASE MATCHES "^[A-Za-z][A-Za-z0-9+.-]*:[^ ]+$")
      message(FATAL_ERROR "errcat_add_catalog(${target}): TYPE_BASE \"${arg_TYPE_BASE}\" is not an absolute URI")
    endif()
    list(APPEND extra_args --type-base "${arg_TYPE_BASE}")
  endif()
  if(arg_DOMAIN)
    list(APPEND extra_args --domain "${arg_DOMAIN}")
  endif()
  string(REGEX REPLACE "^.*::" "" leaf "${arg_NAMESPACE}")
  if(NOT arg_HEADER)
    set(arg_HEADER "${leaf}.hpp")
  endif()
  if(NOT arg_TABLE_HEADER)
    if(arg_HEADER MATCHES "^(.*)(\\.[^./]*)$")
      set(arg_TABLE_HEADER "${CMAKE_MATCH_1}_table${CMAKE_MATCH_2}")
    else()
      set(arg_TABLE_HEADER "${arg_HEADER}_table")
    endif()
  endif()

  if(arg_GENERATOR)
    set(gen "${arg_GENERATOR}")
  elseif(ERRCAT_GENERATOR)
    set(gen "${ERRCAT_GENERATOR}")
  elseif(TARGET errcat::errcat-gen)
    set(gen errcat::errcat-gen)
  else()
    message(FATAL_ERROR "errcat_add_catalog(${target}): no errcat-gen (find_package(errcat) or pass GENERATOR)")
  endif()
  if(TARGET "${gen}")
    # $<TARGET_FILE> works for built, alias and imported executables alike, and makes the
    # build run the generator only after building it.
    set(gen "$<TARGET_FILE:${gen}>")
  elseif(NOT IS_ABSOLUTE "${gen}")
    message(FATAL_ERROR "errcat_add_catalog(${target}): the generator \"${gen}\" is neither an executable target nor an absolute path")
  endif()

  set(out_dir "${CMAKE_CURRENT_BINARY_DIR}/errcat_catalogs/${target}")
  if(arg_OUTPUT_DIR)
    cmake_path(ABSOLUTE_PATH arg_OUTPUT_DIR BASE_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}" NORMALIZE)
    set(out_dir "${arg_OUTPUT_DIR}")
  endif()
  set(header "${out_dir}/include/${arg_HEADER}")
  set(table_header "${out_dir}/include/${arg_TABLE_HEADER}")
  string(REPLACE "::" "_" stem "${arg_NAMESPACE}")
  set(source "${out_dir}/src/${stem}.cpp")

  add_custom_command(
    OUTPUT "${header}" "${table_header}" "${source}"
    COMMAND "${gen}" "${arg_JSON}" --header "${header}" --table-header "${table_header}"
            --source "${source}"
            --include "${arg_HEADER}" --table-include "${arg_TABLE_HEADER}" --namespace "${arg_NAMESPACE}" ${extra_args}
    DEPENDS "${arg_JSON}" "${gen}"
    COMMENT "errcat: generating ${arg_HEADER} from ${arg_JSON}"
    VERBATIM)

  if(TARGET ${target})
    get_target_property(type ${target} TYPE)
    get_target_property(imported ${target} IMPORTED)
    get_target_property(aliased ${target} ALIASED_TARGET)
    if(imported OR aliased OR type STREQUAL "INTERFACE_LIBRARY" OR type STREQUAL "UTILITY")
      message(FATAL_ERROR "errcat_add_catalog(${target}): ${target} exists but cannot take the catalog's source (it is ${type}, imported or an alias); name a library or executable of this project, or a new name")
    endif()
  else()
    add_library(${target} STATIC)
    target_link_libraries(${target} PUBLIC errcat::errcat)
    target_compile_features(${target} PUBLIC cxx_std_20)
  endif()
  target_sources(${target} PRIVATE "${source}" "${header}" "${table_header}")
  target_include_directories(${target} PUBLIC "$<BUILD_INTERFACE:${out_dir}/include>")
endfunction()
