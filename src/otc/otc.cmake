# The otc component: one catalog per Open Telekom Cloud service, from data/otc/<service>.json
# (what `errcat import` makes of the published tables; see data/README.md). Each becomes
# <errcat/otc/<service>.hpp> with namespace errcat::otc::<service>, compiled into the core
# library through errcat_bundle_catalog, so the registry lists it; errcat::otc is the
# target users link to say they use them (find_package(errcat COMPONENTS otc)).
# Included from the top-level CMakeLists.txt (generation rules must live in the directory
# of the target that compiles them), between the core catalogs and errcat_bundle_registry().
include_guard(GLOBAL)

set(ERRCAT_OTC_DATA_DIR "${PROJECT_SOURCE_DIR}/data/otc" CACHE PATH
  "Folder of the Open Telekom Cloud catalogs, one <service>.json per service")

# <service>.json in the data folder; a service whose table the importer cannot turn into a
# catalog yet has a hand-copied excerpt in excerpts/ instead (see data/README.md), used only
# while there is no imported file.
file(GLOB errcat_otc_catalogs CONFIGURE_DEPENDS "${ERRCAT_OTC_DATA_DIR}/*.json")
file(GLOB errcat_otc_excerpts CONFIGURE_DEPENDS "${ERRCAT_OTC_DATA_DIR}/excerpts/*.json")
foreach(excerpt IN LISTS errcat_otc_excerpts)
  cmake_path(GET excerpt FILENAME name)
  if(NOT EXISTS "${ERRCAT_OTC_DATA_DIR}/${name}")
    list(APPEND errcat_otc_catalogs "${excerpt}")
  endif()
endforeach()
list(SORT errcat_otc_catalogs COMPARE FILE_BASENAME)
if(NOT errcat_otc_catalogs)
  message(FATAL_ERROR "ERRCAT_OTC is on but ${ERRCAT_OTC_DATA_DIR} has no <service>.json")
endif()
set(ERRCAT_OTC_SERVICES "")
foreach(json IN LISTS errcat_otc_catalogs)
  cmake_path(GET json STEM service)
  if(NOT service MATCHES "^[a-z][a-z0-9_]*$")
    message(FATAL_ERROR "${json}: a service's file is named <service>.json, lower-case snake_case")
  endif()
  errcat_bundle_catalog(JSON "${json}"
    NAMESPACE "errcat::otc::${service}" HEADER "errcat/otc/${service}.hpp")
  list(APPEND ERRCAT_OTC_SERVICES "${service}")
endforeach()

add_library(errcat_otc INTERFACE)
add_library(errcat::otc ALIAS errcat_otc)
set_target_properties(errcat_otc PROPERTIES EXPORT_NAME otc)
target_link_libraries(errcat_otc INTERFACE errcat)

if(ERRCAT_INSTALL)
  # Its own targets file, loaded by find_package(errcat COMPONENTS otc) only. The headers
  # are generated beside the core's and installed with its header set (errcat_bundle_headers).
  set(errcat_otc_cmakedir "${CMAKE_INSTALL_LIBDIR}/cmake/errcat")
  if(DEFINED ERRCAT_INSTALL_CMAKEDIR)
    set(errcat_otc_cmakedir "${ERRCAT_INSTALL_CMAKEDIR}")
  endif()
  install(TARGETS errcat_otc EXPORT errcat-otc-targets)
  install(EXPORT errcat-otc-targets
    FILE errcat-otc-targets.cmake
    NAMESPACE errcat::
    DESTINATION "${errcat_otc_cmakedir}"
    COMPONENT errcat_development)
endif()
