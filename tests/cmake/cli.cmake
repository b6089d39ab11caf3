# The errcat tool: every command run as the real binary, checking exit status and output
# (tests/cli/run.cmake), plus lint against errcat-gen and colour on a pseudo-terminal.
if(NOT TARGET errcat-cli)
  return()
endif()

# The error policy of the tool's top level, as a unit: what an escaping exception becomes.
errcat_test_executable(errcat_cli_run_tests test_cli_run.cpp
  "${PROJECT_SOURCE_DIR}/src/cli/context.cpp"
  LIBS errcat_text nlohmann_json::nlohmann_json)
target_include_directories(errcat_cli_run_tests PRIVATE "${PROJECT_SOURCE_DIR}/src/cli")

set(cli_dir "${PROJECT_SOURCE_DIR}/tests/cli")
set(gen_dir "${PROJECT_SOURCE_DIR}/tests/generator")
set(iam_json "${PROJECT_SOURCE_DIR}/data/errors.json")
set(apigw_json "${PROJECT_SOURCE_DIR}/data/apigw.json")
string(ASCII 31 errcat_cli_sep)
find_package(Python3 COMPONENTS Interpreter QUIET)

# Expected counts come from the data files, not from numbers written here.
file(READ "${iam_json}" text)
string(JSON iam_count LENGTH "${text}" errors)
file(READ "${apigw_json}" text)
string(JSON apigw_count LENGTH "${text}" errors)
math(EXPR all_count "${iam_count} + ${apigw_count}")
foreach(f IN LISTS errcat_otc_catalogs)  # the OTC services, when bundled (src/otc/otc.cmake)
  file(READ "${f}" text)
  string(JSON n LENGTH "${text}" errors)
  math(EXPR all_count "${all_count} + ${n}")
endforeach()

# errcat_cli_test(<name> ARGS <args...> EXIT <status> [STDIN <file>] [ENV <NAME=VALUE...>]
#   [STDOUT <regex...>] [STDERR <regex...>] [NOT_STDOUT <regex...>] [NOT_STDERR <regex...>]
#   [JSON <check...>] [MAX_WIDTH <n>] [MAX_LINES <n>] [ESCAPES ON|OFF])
function(errcat_cli_test name)
  cmake_parse_arguments(PARSE_ARGV 1 t "" "EXIT;STDIN;MAX_WIDTH;MAX_LINES;ESCAPES"
    "ARGS;ENV;STDOUT;STDERR;NOT_STDOUT;NOT_STDERR;JSON")
  if(NOT DEFINED t_EXIT)
    message(FATAL_ERROR "errcat_cli_test(${name}): EXIT is required")
  endif()
  set(defs)
  foreach(v ARGS ENV STDOUT STDERR NOT_STDOUT NOT_STDERR JSON)
    if(DEFINED t_${v})
      list(JOIN t_${v} "${errcat_cli_sep}" joined)
      list(APPEND defs "-D${v}=${joined}")
    endif()
  endforeach()
  foreach(v STDIN MAX_WIDTH MAX_LINES ESCAPES)
    if(DEFINED t_${v})
      list(APPEND defs "-D${v}=${t_${v}}")
    endif()
  endforeach()
  if(DEFINED t_JSON AND Python3_Interpreter_FOUND)
    list(APPEND defs "-DPYTHON=${Python3_EXECUTABLE}")
  endif()
  add_test(NAME "cli: ${name}"
    COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:errcat-cli> -DEXIT=${t_EXIT} ${defs}
      -P "${cli_dir}/run.cmake")
endfunction()

# --- explain ----------------------------------------------------------------------------
errcat_cli_test("explain shows status, marked template, parameters, description and fix"
  ARGS explain IAM.0004 EXIT 0 ESCAPES OFF
  STDOUT "^404 Not Found  IAM.0004  resource_not_found\n"
         "\n  Message +Could not find <target>: <target_id>\\.\n"
         "\n  As sent +Could not find %\\(target\\)s: %\\(target_id\\)s\\.\n"
         "\n  Parameters +target \\(string\\), target_id \\(string\\)\n"
         "\n  Description +The requested resource cannot be found\\.\n"
         "\n  Remediation +Check the request or contact technical support\\.\n"
         "\n  Catalog +iam \\(errcat::iam::errc::resource_not_found = 404010004\\)\n")
errcat_cli_test("explain takes a status before the code"
  ARGS explain 404 IAM.0004 EXIT 0 STDOUT "^404 Not Found  IAM.0004  resource_not_found\n")
errcat_cli_test("explain marks integer parameters"
  ARGS explain IAM.0012 ENV COLUMNS=200 EXIT 0
  STDOUT "Message +The throttling threshold has been reached\\. Threshold: <threshold> times"
         "Parameters +threshold \\(integer\\), period_seconds \\(integer\\)")
errcat_cli_test("explain accepts the gateway's APIGW spelling"
  ARGS explain APIGW.0301 EXIT 0
  STDOUT "^APIGW.0301 is documented as APIG.0301\\.\n"
         "\n401 Unauthorized  APIG.0301  iam_authentication_incorrect\n")
errcat_cli_test("explain accepts a lower-case code"
  ARGS explain iam.0066 EXIT 0 STDOUT "401 Unauthorized  IAM.0066  token_expired\n")
errcat_cli_test("explain finds an entry by its name"
  ARGS explain api_method_not_found EXIT 0
  STDOUT "^404 Not Found  APIG.0101  api_method_not_found\n" NOT_STDOUT "api_not_found")
errcat_cli_test("explain shows every entry of a duplicate status and code"
  ARGS explain 404 APIG.0101 EXIT 0
  STDOUT "^2 entries document APIG.0101:\n"
         "404 Not Found  APIG.0101  api_not_found\n.*404 Not Found  APIG.0101  api_method_not_found\n")
errcat_cli_test("explain shows a code documented under several statuses under each"
  ARGS explain APIG.0201 EXIT 0
  STDOUT "502 Bad Gateway  APIG.0201" "504 Gateway Timeout  APIG.0201")
errcat_cli_test("explain wraps long text to the width"
  ARGS explain 404 APIG.0101 EXIT 0 ENV COLUMNS=60 MAX_WIDTH 60
  STDOUT "\n  Remediation  Check whether the domain name, method, and\n               path are")
errcat_cli_test("explain of an unknown code suggests the nearest codes and exits 1"
  ARGS explain IAM.0044 EXIT 1 NOT_STDOUT "."
  STDERR "^errcat: unknown code \"IAM.0044\"\n" "\n  nearest codes: [A-Z. 0-9]*IAM.0004")
errcat_cli_test("explain of a code far from every code says none is close"
  ARGS explain hello EXIT 1 STDERR "unknown code \"hello\"\n  no code is close")
errcat_cli_test("explain under a status the code is not documented under exits 1"
  ARGS explain 400 IAM.0004 EXIT 1 NOT_STDOUT "."
  STDERR "IAM.0004 is not documented under 400 Bad Request; it is under 404 Not Found")
errcat_cli_test("explain --format json is JSON with every field"
  ARGS explain IAM.0004 --format json EXIT 0
  JSON "#=1" 0.catalog=iam 0.status=404 "0.reason=Not Found" 0.code=IAM.0004
       0.name=resource_not_found "0.message=Could not find %(target)s: %(target_id)s."
       0.params.0.name=target 0.params.1.kind=string "0.params.1.placeholder=%(target_id)s"
       "0.description=The requested resource cannot be found."
       "0.remediation=Check the request or contact technical support."
       0.errc=errcat::iam::errc::resource_not_found 0.value=404010004)
errcat_cli_test("explain --format json lists every entry of a duplicate"
  ARGS explain 404 APIG.0101 --format json EXIT 0
  JSON "#=2" 0.name=api_not_found 1.name=api_method_not_found)
errcat_cli_test("explain --format json of an unknown code is an empty array"
  ARGS explain IAM.0044 --format json EXIT 1 JSON "#=0" STDERR "unknown code")

# --- bad command lines: exit 2, message on standard error ---------------------------------
errcat_cli_test("no command is a usage error" EXIT 2 NOT_STDOUT "."
  STDERR "A subcommand is required")
errcat_cli_test("an unknown command is a usage error"
  ARGS frobnicate EXIT 2 NOT_STDOUT "."
  STDERR "unknown command \"frobnicate\"; the commands are explain, list, search, render, parse"
         "the commands are [^\n]*[a-z] and [a-z]+\n" "the commands are [^\n]*lint")
errcat_cli_test("an unknown option is a usage error"
  ARGS explain --frob IAM.0004 EXIT 2 NOT_STDOUT "." STDERR "--frob")
errcat_cli_test("explain without a code is a usage error"
  ARGS explain EXIT 2 STDERR "CODE is required")
errcat_cli_test("explain with three arguments is a usage error"
  ARGS explain 404 IAM.0004 extra EXIT 2 STDERR "extra")
errcat_cli_test("an unknown --format is a usage error"
  ARGS list --format xml EXIT 2 NOT_STDOUT "." STDERR "--format: xml not in")
errcat_cli_test("a --status that is not a status pattern is a usage error"
  ARGS list --status 4x EXIT 2 STDERR "a class of statuses \\(4xx, 40x\\), not \"4x\"")
errcat_cli_test("an unknown --color is a usage error"
  ARGS --color sometimes explain IAM.0004 EXIT 2 STDERR "--color")
errcat_cli_test("render with a value that is not NAME=VALUE is a usage error"
  ARGS render IAM.0004 user EXIT 2 NOT_STDOUT "."
  STDERR "expected NAME=VALUE, not \"user\"")
errcat_cli_test("parse --status outside 100-599 is a usage error"
  ARGS parse --status 999 "${cli_dir}/iam_0012.json" EXIT 2 STDERR "--status")
errcat_cli_test("parse --header without a colon is a usage error"
  ARGS parse -H X-Request-Id "${cli_dir}/iam_0012.json" EXIT 2
  STDERR "--header needs 'NAME: VALUE', not \"X-Request-Id\"")
errcat_cli_test("parse --status with a whole response is a usage error"
  ARGS parse --status 400 "${cli_dir}/iam_404.http" EXIT 2
  STDERR "the input is a whole response")

# --- help and version ---------------------------------------------------------------------
errcat_cli_test("errcat --help is short and fits 80 columns"
  ARGS --help EXIT 0 MAX_WIDTH 80 MAX_LINES 25
  STDOUT "^Explains Huawei Cloud IAM" "Usage: errcat \\[OPTIONS\\] SUBCOMMAND"
         "\n  explain +" "\n  list +" "\n  search +" "\n  render +" "\n  parse +" "\n  lint +"
         "Exit status: 0 found or valid, 1 not found or invalid, 2 usage error")
foreach(command explain list search render parse lint)
  errcat_cli_test("errcat ${command} --help is short and fits 80 columns"
    ARGS ${command} --help EXIT 0 MAX_WIDTH 80 MAX_LINES 20
    STDOUT "Usage: errcat ${command} \\[OPTIONS\\]" "--format FORMAT")
endforeach()
string(REPLACE "." "\\." version_re "${PROJECT_VERSION}")
errcat_cli_test("errcat --version prints the version"
  ARGS --version EXIT 0 STDOUT "^errcat ${version_re}\n$")

# --- colour (on a real terminal: on_terminal.py below) ---------------------------------
errcat_cli_test("--color always colours output that is not a terminal"
  ARGS --color always explain IAM.0004 EXIT 0 ESCAPES ON)
errcat_cli_test("NO_COLOR turns colour off even with --color always"
  ARGS explain IAM.0004 --color always ENV NO_COLOR=1 EXIT 0 ESCAPES OFF)
errcat_cli_test("output that is not a terminal has no colour"
  ARGS list EXIT 0 ESCAPES OFF)

# --- list ---------------------------------------------------------------------------------
errcat_cli_test("list --format json lists every bundled catalog"
  ARGS list --format json EXIT 0
  JSON "#=${all_count}" 0.catalog=iam 0.code=1100 ${iam_count}.catalog=apigw)
errcat_cli_test("list --catalog iam lists the IAM catalog only"
  ARGS list --catalog iam --format json EXIT 0 JSON "#=${iam_count}")
errcat_cli_test("list --catalog apigw lists the gateway catalog only"
  ARGS list --catalog apigw --format json EXIT 0 JSON "#=${apigw_count}" 0.catalog=apigw)
errcat_cli_test("list --status 404 shows 404 entries only"
  ARGS list --status 404 --format csv EXIT 0
  STDOUT "\niam,404,IAM.0004,resource_not_found," "\napigw,404,APIG.0101,api_not_found,"
  NOT_STDOUT "\n(iam|apigw),([^4]|4[^0]|40[^4])")
errcat_cli_test("list --status 5xx shows a class of statuses"
  ARGS list --status 5xx EXIT 0
  STDOUT "^SERVICE +STATUS +CODE +NAME +MESSAGE\n" "\napigw +500 +APIG.0103 " "\napigw +504 +APIG.0201 "
  NOT_STDOUT "\n[a-z.]+ +[1-46-9][0-9][0-9] ")
errcat_cli_test("list --format csv quotes fields with commas"
  ARGS list --format csv EXIT 0
  STDOUT "^catalog,status,code,name,message,description,remediation\n"
         ",\"The size \\[input policySize\\] of the policy exceeds 6,144 characters\\.\",")
errcat_cli_test("list fits COLUMNS and cuts cells with an ellipsis"
  ARGS list ENV COLUMNS=60 EXIT 0 MAX_WIDTH 60 STDOUT "…" "\niam +400 +1100 +ma")
errcat_cli_test("list fits 80 columns when not on a terminal"
  ARGS list EXIT 0 MAX_WIDTH 80 STDOUT "\niam +404 +IAM.0004 +resource_not[^ ]* +Could not find")
# IAM's longest message fits in 400 columns (some OTC tables' cells would not).
errcat_cli_test("list on a wide terminal cuts nothing"
  ARGS list --service iam ENV COLUMNS=400 EXIT 0 NOT_STDOUT "…"
  STDOUT "  The length \\[input length\\] of the display name exceeds 64 characters\\.\n")
errcat_cli_test("list with nothing to show exits 1"
  ARGS list --status 3xx EXIT 1 NOT_STDOUT "." STDERR "no entry has status 3xx")

# --- search -------------------------------------------------------------------------------
# Every word of the query in the message ranks first; Huawei's IAM before OTC's publication.
errcat_cli_test("search ranks the best match first"
  ARGS search token has expired EXIT 0
  STDOUT "^SERVICE +STATUS +CODE +NAME +MESSAGE\niam +401 +IAM.0066 +token_expired +The token has expired\\.\n"
         "otc.iam +401 +IAM.0066 +token_expired")
errcat_cli_test("search is case-insensitive"
  ARGS search THROTTLING EXIT 0 STDOUT "\niam +429 +IAM.0012 +throttling_thr")
errcat_cli_test("search for a code puts that code first"
  ARGS search apig.0101 EXIT 0 STDOUT "^SERVICE[^\n]*\napigw +404 +APIG.0101 ")
errcat_cli_test("search reads description and remediation too"
  ARGS search X-Stage EXIT 0 STDOUT "APIG.0101 +api_not_found")
errcat_cli_test("search --format json has scores"
  ARGS search token has expired --format json EXIT 0
  JSON 0.code=IAM.0066 0.score 0.remediation)
errcat_cli_test("search without a match exits 1"
  ARGS search xyzzy plugh EXIT 1 NOT_STDOUT "."
  STDERR "no entry mentions every word of \"xyzzy plugh\"")

# --- render -------------------------------------------------------------------------------
errcat_cli_test("render fills parameters by name"
  ARGS render IAM.0004 target=user target_id=42 EXIT 0
  STDOUT "^Could not find user: 42\\.\n$" NOT_STDERR ".")
errcat_cli_test("render keeps values verbatim, spaces and placeholders included"
  ARGS render IAM.0004 "target=user group" "target_id=%(target)s" EXIT 0
  STDOUT "^Could not find user group: %\\(target\\)s\\.\n$")
errcat_cli_test("render warns about a missing parameter by name"
  ARGS render IAM.0004 target=user EXIT 0
  STDOUT "^Could not find user: %\\(target_id\\)s\\.\n$"
  STDERR "warning: no value for parameter \"target_id\" of IAM.0004")
errcat_cli_test("render rejects an unknown parameter"
  ARGS render IAM.0004 target=user colour=blue EXIT 1 NOT_STDOUT "."
  STDERR "^errcat: IAM.0004 has no parameter \"colour\"; its parameters are target, target_id\n$")
errcat_cli_test("render rejects text for an integer parameter"
  ARGS render IAM.0012 threshold=many period_seconds=60 EXIT 1 NOT_STDOUT "."
  STDERR "^errcat: parameter \"threshold\" of IAM.0012 is an integer, but was given the text \"many\"\n$")
errcat_cli_test("render rejects a parameter given twice"
  ARGS render IAM.0004 target=a target=b EXIT 1 NOT_STDOUT "."
  STDERR "^errcat: parameter \"target\" of IAM.0004 is given more than once\n$")
errcat_cli_test("render reads an integer parameter's value as a number"
  ARGS render IAM.0012 threshold=-5 period_seconds=18446744073709551615 EXIT 0
  STDOUT "Threshold: -5 times per 18446744073709551615 seconds")
errcat_cli_test("render --format json is the Huawei body with integers filled in"
  ARGS render IAM.0012 threshold=100 period_seconds=-60 --format json EXIT 0
  JSON error_code=IAM.0012
       "error_msg=The throttling threshold has been reached. Threshold: 100 times per -60 seconds")
errcat_cli_test("render --format keystone is the Keystone body"
  ARGS render IAM.0004 target=user target_id=42 --format keystone EXIT 0
  JSON error.code=404 "error.title=Not Found" "error.message=Could not find user: 42.")
errcat_cli_test("render of a duplicate code asks for the entry's name"
  ARGS render APIG.0101 EXIT 1 NOT_STDOUT "."
  STDERR "APIG.0101 documents 2 errors: api_not_found \\(404\\) api_method_not_found \\(404\\)"
         "errcat render api_not_found")
errcat_cli_test("render takes the entry's name for a duplicate code"
  ARGS render api_method_not_found --format json EXIT 0
  JSON error_code=APIG.0101 "error_msg=The API does not exist.")
errcat_cli_test("render --status chooses among a code's statuses"
  ARGS render --status 504 APIG.0201 EXIT 0 STDOUT "^Backend timeout\\.\n$")
errcat_cli_test("render of an unknown code suggests the nearest and exits 1"
  ARGS render IAM.0044 EXIT 1 NOT_STDOUT "." STDERR "nearest codes: [A-Z. 0-9]*IAM.0004")

# --- parse --------------------------------------------------------------------------------
errcat_cli_test("parse reads a curl -i capture: status line, headers and body"
  ARGS parse "${cli_dir}/iam_404.http" EXIT 0 NOT_STDERR "."
  STDOUT "^404 Not Found  IAM.0004  resource_not_found\n"
         "\n  Message +Could not find user: 7a2e with spaces\\.\n"
         "\n  Parameters +target = user, target_id = 7a2e with spaces\n"
         "\n  Request id +5b4f1e0c9a2d4e7f8a1b2c3d4e5f6a7b\n"
         "\n  Remediation +Check the request or contact technical support\\.\n")
errcat_cli_test("parse reads a capture from standard input"
  ARGS parse STDIN "${cli_dir}/iam_404.http" EXIT 0
  STDOUT "Parameters +target = user, target_id = 7a2e with spaces\n")
errcat_cli_test("parse - reads standard input"
  ARGS parse - STDIN "${cli_dir}/apigw_401.http" EXIT 0
  STDOUT "^401 Unauthorized  APIGW.0301  iam_authentication_incorrect\n"
         "Request id +d1f6c0a9e3b24c58\n")
errcat_cli_test("parse --format json of a capture is JSON with the recovered values"
  ARGS parse "${cli_dir}/iam_404.http" --format json EXIT 0
  JSON known=ON status=404 code=IAM.0004 name=resource_not_found
       "message=Could not find user: 7a2e with spaces." args.0.name=target args.0.value=user
       "args.1.value=7a2e with spaces" request_id=5b4f1e0c9a2d4e7f8a1b2c3d4e5f6a7b
       status_mismatch=OFF entry.status=404 "entry.remediation=Check the request or contact technical support.")
errcat_cli_test("parse a bare body with --status and --header"
  ARGS parse --status 400 -H "x-request-id:  r-1 2 " "${cli_dir}/iam_0012.json" EXIT 0
  STDOUT "^400 Bad Request  IAM.0012  throttling_threshold_reached\n"
         "Parameters +threshold = 100, period_seconds = 60\n" "Request id +r-1 2\n"
         "Auth message +EaJv\\.\\.\\.Qz\n"
         "Status +received 400, but documented under 429 Too Many Requests\n")
errcat_cli_test("parse --format json shows a status mismatch"
  ARGS parse --status 400 "${cli_dir}/iam_0012.json" --format json EXIT 0
  JSON status=400 status_mismatch=ON entry.status=429 args.0.kind=integer
       encoded_authorization_message=EaJv...Qz)
errcat_cli_test("parse a Keystone body"
  ARGS parse --status 404 "${cli_dir}/keystone_404.json" EXIT 0
  STDOUT "^404 Not Found  IAM.0004  resource_not_found\n" "target = user, target_id = 42")
errcat_cli_test("parse of an unknown code keeps it and suggests the nearest"
  ARGS parse --status 404 "${cli_dir}/unknown_code.json" EXIT 1
  STDOUT "^404 Not Found  IAM.0044  \\(unknown code\\)\n" "Message +Something new\\."
  STDERR "unknown code \"IAM.0044\"" "nearest codes: [A-Z. 0-9]*IAM.0004")
errcat_cli_test("parse of a proxy's HTML page shows it and exits 1"
  ARGS parse "${cli_dir}/proxy_502.http" EXIT 1
  STDOUT "^502 Bad Gateway  \\(unknown code\\)\n" "Body +<html><head><title>502"
  STDERR "the body is not a JSON error")
errcat_cli_test("parse of a response without a body exits 1"
  ARGS parse "${cli_dir}/head_404.http" EXIT 1 STDERR "the response has no body")
errcat_cli_test("parse of empty input exits 1"
  ARGS parse STDIN "${cli_dir}/empty.txt" EXIT 1 NOT_STDOUT "."
  STDERR "the response has no body")
errcat_cli_test("parse --format json of empty input is JSON"
  ARGS parse --format json STDIN "${cli_dir}/empty.txt" EXIT 1
  JSON known=OFF code= raw_body= entry)
errcat_cli_test("parse of binary input escapes it and exits 1"
  ARGS parse --status 502 STDIN "${cli_dir}/binary.bin" EXIT 1 ESCAPES OFF
  STDOUT "Body +\\\\x00\\\\x01\\\\xff\\\\xfe\\\\x1b\\[2J\\\\x1b\\]0" "\\\\x9f\\\\x00PK"
  STDERR "the body is not a JSON error")
errcat_cli_test("parse --format json of binary input is valid JSON"
  ARGS parse --status 502 --format json STDIN "${cli_dir}/binary.bin" EXIT 1
  JSON known=OFF status=502 raw_body)
errcat_cli_test("parse of a truncated body reads what came before and warns"
  ARGS parse --status 400 "${cli_dir}/truncated.json" EXIT 0
  STDOUT "^400 Bad Request  IAM.0011  invalid_request_body\n"
  STDERR "warning: the body is not complete JSON")
errcat_cli_test("parse of a missing file exits 1"
  ARGS parse "${cli_dir}/no_such_file.json" EXIT 1
  STDERR "no_such_file.json: cannot open the file: No such file")

# --- lint ---------------------------------------------------------------------------------
errcat_cli_test("lint accepts the IAM catalog"
  ARGS lint "${iam_json}" EXIT 0 NOT_STDERR "."
  STDOUT "errors.json: valid: catalog \"iam\" \\(errcat::iam\\), ${iam_count} entries")
errcat_cli_test("lint accepts the gateway catalog"
  ARGS lint "${apigw_json}" --format json EXIT 0
  JSON valid=ON service=apigw entries=${apigw_count} "#errors=0")
errcat_cli_test("lint rejects a bad catalog with the generator's message"
  ARGS lint "${gen_dir}/missing_field.json" EXIT 1 NOT_STDOUT "."
  STDERR "^errcat: [^\n]*missing_field.json: errors\\[1\\] \\(E.0002\\): field \"description\" is missing\n")
errcat_cli_test("lint --format json lists the problems"
  ARGS lint "${gen_dir}/params_mismatch.json" --format json EXIT 1
  JSON valid=OFF "#errors=1" errors.0)
errcat_cli_test("lint of a missing file exits 1"
  ARGS lint "${cli_dir}/no_such_catalog.json" EXIT 1
  STDERR "no_such_catalog.json: cannot open the file")
file(GLOB bad_catalogs "${gen_dir}/*.json")
list(APPEND bad_catalogs "${iam_json}" "${apigw_json}")
list(JOIN bad_catalogs "${errcat_cli_sep}" catalogs)
add_test(NAME "cli: lint judges every catalog file exactly as errcat-gen does"
  COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:errcat-cli> -DGEN=$<TARGET_FILE:errcat-gen>
    "-DFILES=${catalogs}" -P "${cli_dir}/lint_like_gen.cmake")

# --- a real terminal ----------------------------------------------------------------------
if(Python3_Interpreter_FOUND)
  add_test(NAME "cli: colour and width on a terminal, none with NO_COLOR"
    COMMAND Python3::Interpreter "${cli_dir}/on_terminal.py" $<TARGET_FILE:errcat-cli>)
endif()
