# Imports a table, generates its catalog with errcat-gen and compiles the generated source:
# what `errcat import` writes is a catalog the build takes as it stands.
#   CLI, GEN     the errcat and errcat-gen binaries
#   CXX          the C++ compiler; INCLUDES its include folders, separated by "|"
#   TABLE        the table file; SERVICE the catalog's service name
#   WORK         a scratch folder
cmake_policy(VERSION 3.25)
if(NOT EXISTS "${TABLE}")
  message("errcat test skipped: needs ${TABLE} (set ERRCAT_SHARED_DIR to the shared data)")
  return()
endif()
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
function(run what)
  execute_process(COMMAND ${ARGN} WORKING_DIRECTORY "${WORK}" RESULT_VARIABLE result
    OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${what} failed (${result}):\n${out}${err}")
  endif()
endfunction()
run("errcat import" "${CLI}" import "${TABLE}" --service "${SERVICE}" -o "${SERVICE}.json")
run("errcat-gen" "${GEN}" "${SERVICE}.json" --header "${SERVICE}.hpp" --source "${SERVICE}.cpp"
  --include "${SERVICE}.hpp" --namespace "errcat::otc::${SERVICE}")
string(REPLACE "|" ";" INCLUDES "${INCLUDES}")
set(flags)
foreach(dir IN LISTS INCLUDES)
  list(APPEND flags "-I${dir}")
endforeach()
run("compiling the generated source" "${CXX}" -std=c++20 -fsyntax-only ${flags} "-I${WORK}"
  "${SERVICE}.cpp")
message(STATUS "${TABLE}: imported, generated and compiled as errcat::otc::${SERVICE}")
