// A global operator new that counts: linked into the bench and the perf tests, so they
// can show how many allocations an operation makes.
#pragma once

#include <cstddef>

namespace errcat::testing_support {

/// Every allocation through the global operator new (all forms) since the program started.
std::size_t allocation_count() noexcept;

}  // namespace errcat::testing_support
