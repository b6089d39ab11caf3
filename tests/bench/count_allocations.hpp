// The counting operator new of the bench and the perf tests: allocation_count() tells how
// many allocations an operation makes. It is the tests' shared hook
// (tests/support/alloc_hook.hpp); a program gets it by linking errcat_alloc_hook.
#pragma once

#include "support/alloc_hook.hpp"
