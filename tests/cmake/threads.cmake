# Concurrent use from 8 threads. tests/run-all.sh builds and runs it under the tsan
# preset (ThreadSanitizer), where any data race fails it:
#   cmake --workflow --preset tsan
set(errcat_thread_libs)
if(TARGET errcat::json)
  set(errcat_thread_libs errcat::json)
endif()
find_package(Threads REQUIRED)
errcat_test_executable(errcat_thread_tests test_threads.cpp
  LIBS Threads::Threads ${errcat_thread_libs})
if(TARGET errcat::json)
  target_compile_definitions(errcat_thread_tests PRIVATE ERRCAT_TEST_HAVE_JSON=1)
endif()
