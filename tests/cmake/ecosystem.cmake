# The C++ error ecosystem: std::error_code and conditions, exceptions, fmt output, and
# compile-time checked make<>() with its must-not-compile tests.
errcat_test_executable(errcat_ecosystem_tests
  test_error_code.cpp test_exception.cpp test_format.cpp test_checked.cpp)

# --- must-not-compile tests ----------------------------------------------------------
# Each source in compile_fail/ is its own target, left out of the default build. ctest
# builds it with `cmake --build` and the test passes only when the output carries the
# expected diagnostic (PASS_REGULAR_EXPRESSION ignores the exit code, so a build that fails
# for another reason fails the test). The tests share one lock because they all drive the
# same build tree, which two concurrent builds could corrupt.
set(errcat_compile_fail_dir "${CMAKE_CURRENT_SOURCE_DIR}/compile_fail")
# The compiler's words for a failed static_assert: GCC "static assertion failed: <msg>",
# Clang "static_assert failed due to requirement '...' \"<msg>\"".
set(errcat_static_assert "static.assert")

# errcat_compile_fail_target(<target> <source>): an object library that is never built
# unless a test asks for it.
function(errcat_compile_fail_target target source)
  if(NOT TARGET ${target})
    add_library(${target} OBJECT EXCLUDE_FROM_ALL "${errcat_compile_fail_dir}/${source}")
    set_target_properties(${target} PROPERTIES EXCLUDE_FROM_DEFAULT_BUILD TRUE)
    target_link_libraries(${target} PRIVATE errcat::errcat)
    errcat_warnings(${target})
  endif()
endfunction()

# errcat_compile_fail(<name> <source> <regex> [COUNT]): "<source> does not compile: <name>".
# With COUNT the build goes through expect_errors.cmake, which also checks that the mistake
# gives exactly one "error:" line (one build per mistake either way: they are slow).
function(errcat_compile_fail name source regex)
  cmake_parse_arguments(PARSE_ARGV 3 arg "COUNT" "" "")
  get_filename_component(stem "${source}" NAME_WE)
  set(target errcat_compile_fail_${stem})
  errcat_compile_fail_target(${target} ${source})
  if(arg_COUNT)
    set(test "compile-fail: ${name}, in one diagnostic")
    add_test(NAME "${test}"
      COMMAND "${CMAKE_COMMAND}" -DBUILD_DIR=${PROJECT_BINARY_DIR} -DTARGET=${target}
        -DCONFIG=$<CONFIG> "-DEXPECT=${regex}" -DERRORS=1
        -P "${errcat_compile_fail_dir}/expect_errors.cmake")
  else()
    set(test "compile-fail: ${name}")
    add_test(NAME "${test}"
      COMMAND "${CMAKE_COMMAND}" --build "${PROJECT_BINARY_DIR}" --target ${target} --config $<CONFIG>)
    set_tests_properties("${test}" PROPERTIES PASS_REGULAR_EXPRESSION "${regex}")
  endif()
  set_tests_properties("${test}" PROPERTIES RESOURCE_LOCK errcat_compile_fail LABELS compile_fail)
endfunction()

errcat_compile_fail("an unknown error code" unknown_code.cpp
  "${errcat_static_assert}.*errcat: unknown error code" COUNT)
errcat_compile_fail("too many arguments" too_many_args.cpp
  "${errcat_static_assert}.*errcat: too many arguments for this error code" COUNT)
errcat_compile_fail("too few arguments" too_few_args.cpp
  "${errcat_static_assert}.*errcat: too few arguments for this error code")
errcat_compile_fail("text for a %d parameter" string_for_integer.cpp
  "${errcat_static_assert}.*errcat: an integer parameter \\(%d\\) needs an integer argument" COUNT)
errcat_compile_fail("text for a %d parameter given by name" string_for_integer_named.cpp
  "${errcat_static_assert}.*errcat: an integer parameter \\(%d\\) needs an integer argument")
errcat_compile_fail("an unknown named argument" unknown_named_arg.cpp
  "${errcat_static_assert}.*errcat: unknown named argument for this error code" COUNT)
errcat_compile_fail("a named argument given twice" named_arg_twice.cpp
  "${errcat_static_assert}.*errcat: a named argument is given twice")
errcat_compile_fail("a named argument left out" named_arg_missing.cpp
  "${errcat_static_assert}.*errcat: a parameter is missing from the named arguments")
errcat_compile_fail("named and positional arguments mixed" mixed_named_positional.cpp
  "${errcat_static_assert}.*errcat: make<>\\(\\) takes its arguments either all by position or all by name"
  COUNT)
errcat_compile_fail("a code documented more than once" ambiguous_code.cpp
  "${errcat_static_assert}.*errcat: this error code is documented more than once")
errcat_compile_fail("an errc value no entry has" unknown_errc_value.cpp
  "${errcat_static_assert}.*errcat: no entry has this errc value")
errcat_compile_fail("an argument fmt cannot format" unformattable_arg.cpp
  "${errcat_static_assert}.*errcat: an argument is neither text, an integer, nor formattable by fmt"
  COUNT)
# fmt checks a literal format string at compile time; the diagnostic quotes the throw.
errcat_compile_fail("an unknown format spec for an error" bad_format_spec.cpp
  "constant expression.*format_error\\(\"errcat: invalid format spec")

# --- the harness checks itself -------------------------------------------------------
# A correct source must build through the same command...
errcat_compile_fail_target(errcat_compile_fail_self_check self_check.cpp)
add_test(NAME "compile-fail harness: a correct source builds"
  COMMAND "${CMAKE_COMMAND}" --build "${PROJECT_BINARY_DIR}"
    --target errcat_compile_fail_self_check --config $<CONFIG>)
set_tests_properties("compile-fail harness: a correct source builds" PROPERTIES
  RESOURCE_LOCK errcat_compile_fail LABELS compile_fail)
# ...and a compile-fail test on it must fail: WILL_FAIL inverts exactly the
# PASS_REGULAR_EXPRESSION check the real tests use, so this passes only if that check
# rejects a build that succeeded.
errcat_compile_fail("(self-check) a correct source" self_check.cpp
  "${errcat_static_assert}.*errcat: ")
set_tests_properties("compile-fail: (self-check) a correct source" PROPERTIES WILL_FAIL TRUE)
# The counting script must reject a correct source too, saying why.
add_test(NAME "compile-fail harness: the diagnostic count rejects a correct source"
  COMMAND "${CMAKE_COMMAND}" -DBUILD_DIR=${PROJECT_BINARY_DIR}
    -DTARGET=errcat_compile_fail_self_check -DCONFIG=$<CONFIG> "-DEXPECT=errcat: " -DERRORS=1
    -P "${errcat_compile_fail_dir}/expect_errors.cmake")
set_tests_properties("compile-fail harness: the diagnostic count rejects a correct source"
  PROPERTIES PASS_REGULAR_EXPRESSION "errcat_compile_fail_self_check compiled, but must not"
    RESOURCE_LOCK errcat_compile_fail LABELS compile_fail)
