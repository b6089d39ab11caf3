# On the wire as servers really send it (issue 15): tolerant matching with its property
# test over every bundled entry.
errcat_test_executable(errcat_tolerant_match_tests test_tolerant_match.cpp)

if(TARGET errcat::json)
  # Every case of tests/field through the public C++ API, and the json component's new
  # readers: salvage, HTML pages, request ids and retry advice.
  errcat_test_executable(errcat_field_tests test_field_responses.cpp LIBS errcat::json)
endif()

if(TARGET errcat-cli)
  # The same cases through the real binary: `errcat parse --format json` of each.
  file(GLOB field_cases LIST_DIRECTORIES true "${PROJECT_SOURCE_DIR}/tests/field/*")
  foreach(dir IN LISTS field_cases)
    if(IS_DIRECTORY "${dir}" AND EXISTS "${dir}/expected.json")
      get_filename_component(case "${dir}" NAME)
      add_test(NAME "cli: parse --format json reads the field case ${case}"
        COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:errcat-cli> -DCASE=${dir}
          -P "${PROJECT_SOURCE_DIR}/tests/wire/check_field_case.cmake")
    endif()
  endforeach()
endif()

if(TARGET errcat-cli)
  # errcat scan through the real binary: the field log, and the exit status without finds.
  add_test(NAME "cli: scan --format json finds the three error bodies of the field debug log"
    COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:errcat-cli>
      -DLOG=${PROJECT_SOURCE_DIR}/tests/field/debug-log.txt
      -DEXPECTED=${PROJECT_SOURCE_DIR}/tests/field/debug-log.expected.json
      -P "${PROJECT_SOURCE_DIR}/tests/wire/check_scan.cmake")
  errcat_cli_test("scan explains each error body of a log as text"
    ARGS scan "${PROJECT_SOURCE_DIR}/tests/field/debug-log.txt" EXIT 0
    STDOUT "line 3\n409 Conflict  IAM.0005" "line 8\n\\(no status\\)  IAM.0004"
           "line 12\n\\(no status\\)  APIGW.0101  api_not_found"
    STDERR "3 errors found")
  errcat_cli_test("scan reads standard input"
    ARGS scan - STDIN "${PROJECT_SOURCE_DIR}/tests/field/debug-log.txt" EXIT 0
    STDOUT "IAM.0005")
  errcat_cli_test("scan of text without an error body exits 1"
    ARGS scan "${PROJECT_SOURCE_DIR}/tests/field/README.md" EXIT 1
    NOT_STDOUT "." STDERR "no error body found")
  errcat_cli_test("scan of a missing file exits 1"
    ARGS scan "${PROJECT_SOURCE_DIR}/tests/field/no_such.log" EXIT 1 STDERR "cannot open")
endif()

if(TARGET errcat::json)
  errcat_test_executable(errcat_scan_tests test_scan.cpp LIBS errcat::json)
endif()
