# The shared text helpers (src/common/text.hpp).
errcat_test_executable(errcat_text_tests test_text.cpp LIBS errcat_text)
