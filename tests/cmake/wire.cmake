# On the wire as servers really send it (issue 15): tolerant matching with its property
# test over every bundled entry.
errcat_test_executable(errcat_tolerant_match_tests test_tolerant_match.cpp)
