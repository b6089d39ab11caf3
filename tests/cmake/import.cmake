# errcat import: the readers, names, retry classes and writer (errcat_import_tests), the
# published tables of ../shared (errcat_import_data_tests, skipped when it is absent) and
# the `errcat import` command run as the real binary.
if(NOT TARGET errcat_import)
  return()
endif()

errcat_test_executable(errcat_import_tests
  import/test_import_readers.cpp import/test_import_names.cpp import/test_import_writer.cpp
  LIBS errcat_import)

# The published tables of ../shared; each test skips itself when they are absent.
errcat_test_executable(errcat_import_data_tests import/test_import_data.cpp
  LIBS errcat_import nlohmann_json::nlohmann_json)

if(NOT TARGET errcat-cli OR NOT COMMAND errcat_cli_test)
  return()
endif()
set(import_dir "${PROJECT_SOURCE_DIR}/tests/data/import")

errcat_cli_test("import writes a catalog of a Markdown table to standard output"
  ARGS import "${import_dir}/shop.md" --service shop EXIT 0
  JSON "service=shop" "namespace=errcat::shop" "#errors=4" "errors.0.code=SHOP.0001"
       "errors.0.name=order_id_invalid" "errors.0.params.0=id" "errors.3.status=503"
  STDERR "4 rows from 1 table in 1 file; 4 entries written to <stdout>")
errcat_cli_test("import takes names from an overrides file"
  ARGS import "${import_dir}/shop.md" --service shop --names "${import_dir}/shop-names.json"
  EXIT 0 JSON "errors.1.name=order_not_found" "errors.3.name=payment_busy")
errcat_cli_test("import merges several files into one catalog"
  ARGS import "${import_dir}/shop.md" "${PROJECT_SOURCE_DIR}/tests/data/shared/seeds/000_db8f75f2fcf6f025.txt"
  --service merged EXIT 0 JSON "#errors=119" "errors.4.code=1100")
errcat_cli_test("import names a table without a code column and writes nothing"
  ARGS import "${import_dir}/no_code.md" EXIT 1
  STDERR "no_code.md:1: warning: the table's header \\(\"Status Code\", \"Error Message\"\\) has no error-code column"
         "error: no row could be written"
  NOT_STDOUT ".")
errcat_cli_test("import names the line of a row with a differing number of cells"
  ARGS import "${import_dir}/ragged.md" EXIT 1
  STDERR "ragged.md:4: error: the row has 3 cells but the table header \\(line 1\\) has 2"
  NOT_STDOUT ".")
errcat_cli_test("import names the line of a cell running past the grid"
  ARGS import "${import_dir}/past_grid.rst" EXIT 1
  STDERR "past_grid.rst:4: error: the text runs past the grid's right edge \\(column 30\\)")
errcat_cli_test("import rejects an empty file"
  ARGS import "${import_dir}/empty.rst" EXIT 1 STDERR "empty.rst: error: the file is empty")
errcat_cli_test("import rejects binary data"
  ARGS import "${import_dir}/binary.rst" EXIT 1
  STDERR "binary.rst:1: error: the file holds binary data")
errcat_cli_test("import rejects an unknown format"
  ARGS import "${import_dir}/shop.md" --format pdf EXIT 2 STDERR "errcat import: --format")

# The manual's example (data/README.md, "Importing a table of your own"), run as written.
add_test(NAME "import: data/README.md's example imports a table and lints the catalog"
  COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:errcat-cli>
    "-DREADME=${PROJECT_SOURCE_DIR}/data/README.md"
    "-DWORK=${CMAKE_CURRENT_BINARY_DIR}/import_readme_example"
    -P "${PROJECT_SOURCE_DIR}/tests/import/readme_example.cmake")

# Imported catalogs generate and compile: the manual's example, OTC's IAM table, ECS's
# (three code prefixes, a row with status 202 left out) and Auto Scaling's ({0}, {1}).
set(otc "${ERRCAT_SHARED_DIR}/data/otc")
foreach(case "shop|${PROJECT_SOURCE_DIR}/tests/data/import/shop.md"
    "iam|${otc}/identity-access-management/api-ref/source/appendix/error_codes.rst"
    "ecs|${otc}/elastic-cloud-server/api-ref/source/appendix/error_codes.rst"
    "as|${otc}/auto-scaling/api-ref/source/appendix/error_codes.rst")
  string(REPLACE "|" ";" case "${case}")
  list(GET case 0 service)
  list(GET case 1 table)
  add_test(NAME "import: an imported ${service} catalog generates with errcat-gen and compiles"
    COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:errcat-cli> -DGEN=$<TARGET_FILE:errcat-gen>
      "-DCXX=${CMAKE_CXX_COMPILER}"
      "-DINCLUDES=${PROJECT_SOURCE_DIR}/include|${PROJECT_BINARY_DIR}/errcat_generated/include"
      "-DTABLE=${table}" -DSERVICE=${service}
      "-DWORK=${CMAKE_CURRENT_BINARY_DIR}/import_generate_${service}"
      -P "${PROJECT_SOURCE_DIR}/tests/import/generate.cmake")
  set_tests_properties("import: an imported ${service} catalog generates with errcat-gen and compiles"
    PROPERTIES SKIP_REGULAR_EXPRESSION "errcat test skipped: ")
endforeach()

errcat_cli_test("import writes the errc prefix it is given"
  ARGS import "${import_dir}/shop.md" --service shop --errc-prefix SHOP EXIT 0
  JSON "errc_prefix=SHOP")
