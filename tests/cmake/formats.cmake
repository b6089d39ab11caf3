# Body shapes (issue 16): RFC 9457 problem details, google.rpc.Status and the canonical-code
# table, every style round-tripped, and the command line writing and reading both.
if(TARGET errcat::json)
  errcat_test_executable(errcat_formats_tests
    formats/test_canonical_code.cpp formats/test_problem_details.cpp
    formats/test_google_status.cpp formats/test_body_shapes.cpp
    formats/test_styles_roundtrip.cpp
    LIBS errcat::json)
  # A catalog with its own type base and domain (tests/data/demo.json).
  if(TARGET errcat_test_demo_catalog)
    errcat_test_executable(errcat_formats_catalog_tests formats/test_configured_catalog.cpp
      LIBS errcat::json errcat_test_demo_catalog)
  endif()
endif()

if(TARGET errcat-cli)
  # render --format STYLE, check the body against the standard, parse it back to the entry.
  foreach(style problem google)
    add_test(NAME "cli: render --format ${style} is read back by parse to IAM.0004 and its values"
      COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:errcat-cli> -DSTYLE=${style}
        -DWORK=${CMAKE_CURRENT_BINARY_DIR}/formats_cli_${style}
        -P "${PROJECT_SOURCE_DIR}/tests/formats/render_parse.cmake")
  endforeach()
endif()
