// The tests' one replacement of the global operator new and delete: it counts every
// allocation and can be told to fail chosen ones. A program gets it by linking the
// errcat_alloc_hook library (alloc_hook.cmake); it then replaces the allocator of the whole
// program, so each test that uses it is a program of its own.
#pragma once

#include <cstddef>

namespace errcat::testing_support {

/// Every allocation asked of the global operator new (all forms) since the program started,
/// including the ones made to fail.
std::size_t allocation_count() noexcept;

/// How many allocations fail_allocations() has made fail since the program started.
std::size_t failed_allocation_count() noexcept;

/// Makes allocation number `nth` from now on fail (1: the next one) and, with `and_later`,
/// every one after it, until stop_failing_allocations(). A failing operator new throws
/// std::bad_alloc; the nothrow forms return null. `nth` 0 fails nothing.
void fail_allocations(std::size_t nth, bool and_later) noexcept;

/// Lets every allocation succeed again.
void stop_failing_allocations() noexcept;

}  // namespace errcat::testing_support
