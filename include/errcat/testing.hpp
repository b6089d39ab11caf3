// Test fixtures and Catch2 matchers for code that calls IAM, in one include (kept for
// existing tests): <errcat/testing/fixtures.hpp> needs no test framework,
// <errcat/testing/catch2.hpp> adds the Catch2 matchers, <errcat/testing/gtest.hpp> has the
// GoogleTest ones. Part of errcat::json; include it in test code only.
#pragma once

#include "errcat/testing/catch2.hpp"
#include "errcat/testing/fixtures.hpp"
