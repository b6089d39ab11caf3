# Fails when a library has static initialisers: a _GLOBAL__sub_I_* function (what GCC and
# Clang emit for a namespace-scope object with a dynamic initialiser) or an entry in
# .init_array/.ctors/.preinit_array contributed by one of its objects.
#   cmake -DLIB=<.a or .so> -DNM=<nm> -DOBJDUMP=<objdump> -P check.cmake
cmake_minimum_required(VERSION 3.25)
foreach(v LIB NM OBJDUMP)
  if(NOT ${v})
    message(FATAL_ERROR "static_init/check.cmake: -D${v}=... is required")
  endif()
endforeach()
if(NOT EXISTS "${LIB}")
  message(FATAL_ERROR "${LIB} does not exist")
endif()
set(problems)

# 1. Symbols. -A names the archive member each symbol comes from.
execute_process(COMMAND "${NM}" -A "${LIB}" RESULT_VARIABLE rc OUTPUT_VARIABLE symbols
  ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${NM} -A ${LIB} failed (exit ${rc}): ${err}")
endif()
string(REGEX MATCHALL "[^\n]*_GLOBAL__(sub_)?I_[^\n]*" found "${symbols}")
foreach(s IN LISTS found)
  list(APPEND problems "static initialiser symbol: ${s}")
endforeach()

# 2. Sections. objdump -h prints "<member>:     file format ..." before each object's
# section table; a section table row is "Idx Name Size ...".
execute_process(COMMAND "${OBJDUMP}" -h -w "${LIB}" RESULT_VARIABLE rc OUTPUT_VARIABLE sections
  ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${OBJDUMP} -h ${LIB} failed (exit ${rc}): ${err}")
endif()
string(REPLACE ";" "\\;" sections "${sections}")
string(REPLACE "\n" ";" lines "${sections}")
set(object "${LIB}")
set(objects 0)
set(shared FALSE)
foreach(line IN LISTS lines)
  if(line MATCHES "^(.*):[ \t]+file format (.*)$")
    set(object "${CMAKE_MATCH_1}")
    math(EXPR objects "${objects} + 1")
  elseif(line MATCHES "^[ \t]*[0-9]+[ \t]+(\\.init_array|\\.ctors|\\.preinit_array)[^ \t]*[ \t]+([0-9a-fA-F]+)")
    set(name "${CMAKE_MATCH_1}")
    math(EXPR size "0x${CMAKE_MATCH_2}")
    # A shared library's own startup code (crtbeginS.o's frame_dummy) takes one pointer of
    # .init_array; anything beyond that comes from the library's objects.
    set(allowed 0)
    if(LIB MATCHES "\\.so(\\.[0-9]+)*$" AND name STREQUAL ".init_array")
      set(allowed 8)
    endif()
    if(size GREATER allowed)
      list(APPEND problems "${object}: section ${name} holds ${size} bytes of initialiser pointers")
    endif()
  endif()
endforeach()
if(objects EQUAL 0)
  message(FATAL_ERROR "${OBJDUMP} -h ${LIB} listed no object files:\n${sections}")
endif()

if(problems)
  list(JOIN problems "\n  " text)
  message(FATAL_ERROR "${LIB} has static initialisers:\n  ${text}")
endif()
message("${LIB}: ${objects} object file(s), no static initialisers")
