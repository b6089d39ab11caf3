# The registry and the bundled catalogs (issue 14).
errcat_test_executable(errcat_registry_tests otc/test_registry.cpp)
if(TARGET errcat_otc)
  errcat_test_executable(errcat_otc_tests otc/test_otc.cpp LIBS errcat::otc)
  if(TARGET errcat::json)
    errcat_test_executable(errcat_otc_json_tests otc/test_otc_parse.cpp
      LIBS errcat::otc errcat::json)
  endif()
endif()

# --- the errcat tool across services ----------------------------------------------------
if(COMMAND errcat_cli_test AND TARGET errcat_otc)
  set(otc_dir "${PROJECT_SOURCE_DIR}/tests/otc")
  errcat_cli_test("explain ecs.0114 explains the ECS entry"
    ARGS explain ecs.0114 EXIT 0 ESCAPES OFF
    STDOUT "^ecs\\.0114 is documented as Ecs\\.0114\\.\n"
           "\n404 Not Found  Ecs\\.0114  ecs_not_found\n"
           "\n  Message +The ECS does not exist\\.\n"
           "\n  Catalog +ecs \\(errcat::otc::ecs::errc::ecs_not_found = [0-9]+\\)\n")
  errcat_cli_test("explain of a code two services document explains it under each service"
    ARGS explain VPC.0101 EXIT 0 ESCAPES OFF
    STDOUT "^VPC\\.0101 is documented by 2 services: eip, vpc\\.\n"
           "\neip: [^\n]*Elastic IP[^\n]*\n\n400 Bad Request  VPC\\.0101  "
           "\nvpc: [^\n]*Virtual Private Cloud[^\n]*\n\n400 Bad Request  VPC\\.0101  "
           "Catalog +eip " "Catalog +vpc ")
  errcat_cli_test("explain shows Huawei's IAM entry and points to OTC's publication"
    ARGS explain IAM.0004 EXIT 0 ESCAPES OFF
    STDOUT "^404 Not Found  IAM\\.0004  resource_not_found\n" "\n  Catalog +iam "
           "\nAlso in otc\\.iam, another publication:\n  errcat explain --service otc\\.iam IAM\\.0004\n$"
    NOT_STDOUT "Catalog +otc\\.iam")
  errcat_cli_test("explain --service otc.iam explains OTC's publication"
    ARGS explain --service otc.iam IAM.0004 EXIT 0 ESCAPES OFF
    STDOUT "^404 Not Found  IAM\\.0004  " "\n  Catalog +otc\\.iam \\(errcat::otc::iam::errc::"
    NOT_STDOUT "Also in")
  errcat_cli_test("explain --format json of a shared code names each entry's service"
    ARGS explain VPC.0101 --format json EXIT 0 JSON 0.catalog=eip 0.code=VPC.0101)
  errcat_cli_test("list --service ecs lists the ECS catalog only"
    ARGS list --service ecs --format csv EXIT 0
    STDOUT "^catalog,status,code,name,message,description,remediation\n"
           "\necs,404,Ecs\\.0114,ecs_not_found,The ECS does not exist\\.,"
    NOT_STDOUT "\n(iam|apigw|vpc|eip),")
  errcat_cli_test("list --service with an unknown name lists the services"
    ARGS list --service nope EXIT 2 NOT_STDOUT "." STDERR "no bundled catalog is called \"nope\"")
  errcat_cli_test("search quota searches every service with the service as a column"
    ARGS search quota EXIT 0
    STDOUT "^SERVICE +STATUS +CODE +NAME +MESSAGE\n" "\nvpc +409 +VPC\\.0114 " "\niam +400 +1115 ")
  errcat_cli_test("parse resolves a bundled OTC code from a whole response"
    ARGS parse "${otc_dir}/ecs_0114.http" EXIT 0 ESCAPES OFF
    STDOUT "^404 Not Found  Ecs\\.0114  ecs_not_found\n" "\n  Request id +0c1d2e3f\n"
           "\n  Catalog +ecs ")
endif()

# --- the data cannot drift from the published tables --------------------------------------
# Imports every table of ../shared/data/otc again (data/otc/services.tsv) and compares with
# the committed data/otc/<service>.json; also checks that every published table is bundled
# or excluded with a reason (data/otc/excluded.tsv). Needs the import command.
if(TARGET errcat-cli AND EXISTS "${PROJECT_SOURCE_DIR}/src/cli/import.cpp"
   AND EXISTS "${ERRCAT_SHARED_DIR}/data/otc/SOURCES.tsv")
  add_test(NAME "otc: every committed catalog is what errcat import makes of its published tables"
    COMMAND "${CMAKE_COMMAND}" -DERRCAT=$<TARGET_FILE:errcat-cli> -DSHARED=${ERRCAT_SHARED_DIR}
      -DDATA=${PROJECT_SOURCE_DIR}/data/otc -DMODE=check
      -DWORK=${CMAKE_CURRENT_BINARY_DIR}/otc_import
      -P "${PROJECT_SOURCE_DIR}/src/otc/import_otc.cmake")
endif()
