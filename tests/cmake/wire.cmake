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
