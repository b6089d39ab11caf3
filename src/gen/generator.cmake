# The catalog compiler: errcat_catalog_source (the stages, shared by errcat-gen, the errcat
# tool's lint and import commands, tests and fuzzers) and errcat-gen. It depends on
# nlohmann_json, errcat's format limits and the shared text helpers (errcat_text, header-only)
# only: no fmt, no run-time headers.
add_library(errcat_catalog_source STATIC
  src/gen/catalog_source.cpp src/gen/read_json.cpp src/gen/template_syntax.cpp src/gen/rules.cpp
  src/gen/perfect_hash.cpp src/gen/plan.cpp src/gen/emit_support.cpp src/gen/emit.cpp src/gen/emit_table.cpp
  src/gen/compile.cpp)
target_include_directories(errcat_catalog_source
  PUBLIC "$<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/src/gen>"
         "$<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>")
target_compile_features(errcat_catalog_source PUBLIC cxx_std_20)
target_link_libraries(errcat_catalog_source PUBLIC nlohmann_json::nlohmann_json errcat_text)
errcat_warnings(errcat_catalog_source)

add_executable(errcat-gen src/gen/main.cpp)
add_executable(errcat::errcat-gen ALIAS errcat-gen)
target_link_libraries(errcat-gen PRIVATE errcat_catalog_source)
errcat_warnings(errcat-gen)
