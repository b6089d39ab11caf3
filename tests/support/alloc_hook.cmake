# errcat_alloc_hook: the replacement operator new and delete of tests/support/alloc_hook.hpp.
# An OBJECT library, so a program that links it always gets the operators, not only when
# it names one of the file's functions. Both tests/ and tests/bench include this file and
# either can be built without the other, hence the guard.
include_guard(GLOBAL)

add_library(errcat_alloc_hook OBJECT "${CMAKE_CURRENT_LIST_DIR}/alloc_hook.cpp")
target_include_directories(errcat_alloc_hook PUBLIC "${CMAKE_CURRENT_LIST_DIR}/..")
target_compile_features(errcat_alloc_hook PUBLIC cxx_std_20)
errcat_warnings(errcat_alloc_hook)
