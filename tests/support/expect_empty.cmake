# A check computed at configure time, run as a test: passes when ITEMS (a |-separated list)
# is empty, else fails naming each item after WHAT.
#   cmake "-DWHAT=<what the items are>" "-DITEMS=<a|b>" -P expect_empty.cmake
string(REPLACE "|" ";" items "${ITEMS}")
if(items)
  list(JOIN items "\n  " shown)
  message(FATAL_ERROR "${WHAT}:\n  ${shown}")
endif()
message(STATUS "none: ${WHAT}")
