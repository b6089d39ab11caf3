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

if(TARGET errcat-cli AND COMMAND errcat_cli_test)
  set(formats_dir "${PROJECT_SOURCE_DIR}/tests/formats")
  errcat_cli_test("parse --format problem rewrites a Huawei body as problem details"
    ARGS parse --format problem "${PROJECT_SOURCE_DIR}/tests/cli/iam_0012.json" EXIT 0
    JSON status=429 code=IAM.0012 threshold=100 period_seconds=60
         "type=tag:errcat.invalid,2026:iam/IAM.0012#throttling_threshold_reached"
         "title=The throttling threshold has been reached.")
  errcat_cli_test("parse reads a google.rpc.Status body, values from its metadata"
    ARGS parse --format json "${formats_dir}/iam_0005_google.json" EXIT 0
    JSON code=IAM.0005 name=resource_store_conflict status=409 args.0.name=type args.0.value=user
         "args.1.value=duplicate name")
  errcat_cli_test("parse --format google rewrites a problem body, the renamed member read back"
    ARGS parse --format google STDIN "${formats_dir}/iam_0005_problem.json" EXIT 0
    JSON error.status=ABORTED error.details.0.reason=RESOURCE_STORE_CONFLICT
         error.details.0.metadata.type=user)
endif()

if(TARGET errcat-cli AND COMMAND errcat_cli_test)
  errcat_cli_test("render --instance gives a problem body its instance"
    ARGS render IAM.0004 target=user target_id=42 --format problem --instance /v3/users/42 EXIT 0
    JSON instance=/v3/users/42 code=IAM.0004)
endif()
