# Runs the real errcat-gen on bad catalog files and checks its exit status and message.
set(bad_dir "${CMAKE_CURRENT_SOURCE_DIR}/generator")

# errcat_gen_rejects(<name> <file> <regex>): errcat-gen must fail on <file> with a
# message matching <regex>, and leave no output behind.
function(errcat_gen_rejects name file regex)
  add_test(NAME "generator rejects ${name}"
    COMMAND ${CMAKE_COMMAND}
      -DGEN=$<TARGET_FILE:errcat-gen> -DINPUT=${bad_dir}/${file}
      -DOUT=${CMAKE_CURRENT_BINARY_DIR}/gen_reject/${file}
      -DEXPECT=${regex}
      -P ${CMAKE_CURRENT_SOURCE_DIR}/generator/expect_reject.cmake)
endfunction()

errcat_gen_rejects("invalid JSON with line and column" invalid_json.json
  "invalid_json.json: invalid JSON: .*line 4, column")
errcat_gen_rejects("a missing field" missing_field.json
  "missing_field.json: errors\\[1\\] \\(E.0002\\): field \"description\" is missing")
errcat_gen_rejects("a mistyped field" mistyped_field.json
  "mistyped_field.json: errors\\[0\\] \\(E.0001\\): field \"status\" must be an integer, not a string")
errcat_gen_rejects("an unknown field" unknown_field.json
  "unknown_field.json: errors\\[0\\] \\(E.0001\\): unknown field \"remedy\"")
errcat_gen_rejects("a duplicate name" duplicate_name.json
  "duplicate_name.json: errors\\[1\\] \\(E.0002\\): field \"name\" \"same\" is already used by errors\\[0\\]")
errcat_gen_rejects("a name that is not an identifier" bad_identifier.json
  "bad_identifier.json: errors\\[0\\] \\(E.0001\\): field \"name\" must be a C\\+\\+ identifier")
errcat_gen_rejects("a name that is a keyword" keyword_name.json
  "keyword_name.json: errors\\[0\\] \\(E.0001\\): field \"name\" must be a C\\+\\+ identifier that is not a keyword, not \"delete\"")
errcat_gen_rejects("a status outside 400-599" bad_status.json
  "bad_status.json: errors\\[0\\] \\(E.0001\\): field \"status\" must be an HTTP error status from 400 to 599, not 302")
errcat_gen_rejects("an unterminated %(key" unterminated_named.json
  "unterminated_named.json: errors\\[0\\] \\(E.0001\\): message: unterminated placeholder \"%\\(key")
errcat_gen_rejects("an unknown %x placeholder" unknown_conversion.json
  "unknown_conversion.json: errors\\[0\\] \\(E.0001\\): message: unknown placeholder \"%x\"")
errcat_gen_rejects("an unterminated [input" unterminated_input.json
  "unterminated_input.json: errors\\[0\\] \\(E.0001\\): message: unterminated placeholder \"\\[input")
errcat_gen_rejects("params longer than the placeholders" params_mismatch.json
  "params_mismatch.json: errors\\[0\\] \\(E.0001\\): field \"params\" names 2 parameters, but the message has 1 positional")
errcat_gen_rejects("positional placeholders without params" params_missing.json
  "params_missing.json: errors\\[0\\] \\(E.0001\\): the message has 2 positional placeholders")
errcat_gen_rejects("duplicate JSON keys" duplicate_key.json
  "duplicate_key.json: duplicate key \"code\"")
errcat_gen_rejects("a truncated file" truncated.json
  "truncated.json: invalid JSON: parse error at line [0-9]+, column [0-9]+")

add_test(NAME "generator fails loudly when no perfect-hash seed is found"
  COMMAND ${CMAKE_COMMAND}
    -DGEN=$<TARGET_FILE:errcat-gen> -DINPUT=${PROJECT_SOURCE_DIR}/data/errors.json
    -DOUT=${CMAKE_CURRENT_BINARY_DIR}/gen_reject/no_seed.json -DARGS=--hash-tries=0
    "-DEXPECT=cannot find a perfect hash for its 115 codes after 0 seeds"
    -P ${CMAKE_CURRENT_SOURCE_DIR}/generator/expect_reject.cmake)

add_test(NAME "generator accepts the IAM catalog"
  COMMAND errcat-gen --check ${PROJECT_SOURCE_DIR}/data/errors.json)
add_test(NAME "generator accepts the gateway catalog"
  COMMAND errcat-gen --check ${PROJECT_SOURCE_DIR}/data/apigw.json)

errcat_gen_rejects("a retry class it does not know" bad_retry.json
  "bad_retry.json: errors\\[0\\] \\(E.0001\\): field \"retry\" must be \"never\", \"backoff\" or \"throttled\", not \"later\"")
errcat_gen_rejects("a type_base that is not an absolute URI" bad_type_base.json
  "bad_type_base.json: field \"type_base\" must be an absolute URI")
add_test(NAME "generator rejects a --type-base that is not an absolute URI"
  COMMAND ${CMAKE_COMMAND}
    -DGEN=$<TARGET_FILE:errcat-gen> -DINPUT=${PROJECT_SOURCE_DIR}/data/errors.json
    -DOUT=${CMAKE_CURRENT_BINARY_DIR}/gen_reject/type_base_option.json -DARGS=--type-base=errors/x
    "-DEXPECT=--type-base needs an absolute URI"
    -P ${CMAKE_CURRENT_SOURCE_DIR}/generator/expect_reject.cmake)

# The bundled catalogs keep their entries and errc values through generator changes.
foreach(catalog errors apigw)
  add_test(NAME "generator keeps every ${catalog}.json entry's errc value"
    COMMAND ${CMAKE_COMMAND} -DGEN=$<TARGET_FILE:errcat-gen>
      -DINPUT=${PROJECT_SOURCE_DIR}/data/${catalog}.json
      -DOUT=${CMAKE_CURRENT_BINARY_DIR}/gen_values/${catalog}
      -DEXPECTED=${CMAKE_CURRENT_SOURCE_DIR}/generator/${catalog}.values
      -P ${CMAKE_CURRENT_SOURCE_DIR}/generator/expect_values.cmake)
endforeach()

# No size wall: a generated 20,000-row catalog builds through errcat_add_catalog with the
# compiler's default limits and works at run time. Its targets are left out of the default
# build (the catalog's source takes seconds and several hundred MB to compile); the test
# builds and runs them.
find_package(Python3 COMPONENTS Interpreter)
if(Python3_FOUND)
  set(errcat_big_json "${CMAKE_CURRENT_BINARY_DIR}/big_catalog/big20000.json")
  if(NOT EXISTS "${errcat_big_json}")
    file(MAKE_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}/big_catalog")
    execute_process(
      COMMAND "${Python3_EXECUTABLE}" "${PROJECT_SOURCE_DIR}/tests/bench/make_big_catalog.py"
              20000 "${errcat_big_json}"
      COMMAND_ERROR_IS_FATAL ANY)
  endif()
  errcat_add_catalog(errcat_big_catalog JSON "${errcat_big_json}" NAMESPACE errcat_big::big
    HEADER errcat_big/big.hpp)
  set_target_properties(errcat_big_catalog PROPERTIES EXCLUDE_FROM_ALL ON)
  add_executable(errcat_big_catalog_program EXCLUDE_FROM_ALL generator/big/big_catalog.cpp)
  target_link_libraries(errcat_big_catalog_program PRIVATE errcat_big_catalog)
  errcat_warnings(errcat_big_catalog_program)
  add_test(NAME "a generated 20,000-row catalog builds with default compiler limits"
    COMMAND ${CMAKE_COMMAND} --build "${PROJECT_BINARY_DIR}" --target errcat_big_catalog_program
            --config $<CONFIG>)
  add_test(NAME "a generated 20,000-row catalog works at run time"
    COMMAND errcat_big_catalog_program)
  set_tests_properties("a generated 20,000-row catalog builds with default compiler limits"
    PROPERTIES FIXTURES_SETUP errcat_big_catalog RESOURCE_LOCK errcat_compile_fail
               LABELS big TIMEOUT 900)
  set_tests_properties("a generated 20,000-row catalog works at run time"
    PROPERTIES FIXTURES_REQUIRED errcat_big_catalog LABELS big)
endif()
