// Replaces the global operator new/delete with malloc/free plus a counter. In a TU of its
// own, so the compiler cannot pair an inlined delete's free() with a visible new.
#include "count_allocations.hpp"

#include <cstdlib>
#include <new>

namespace {
// The programs that use this measure single-threaded, so a plain counter is enough and
// adds no atomic instruction to the baselines that allocate.
std::size_t allocations = 0;
}  // namespace

std::size_t errcat::testing_support::allocation_count() noexcept {
  return allocations;
}

void* operator new(std::size_t n) {
  ++allocations;
  if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n) {
  return operator new(n);
}
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
  ++allocations;
  return std::malloc(n == 0 ? 1 : n);
}
void* operator new[](std::size_t n, const std::nothrow_t& t) noexcept {
  return operator new(n, t);
}
void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete[](void* p) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::size_t) noexcept {
  std::free(p);
}
void operator delete(void* p, const std::nothrow_t&) noexcept {
  std::free(p);
}
void operator delete[](void* p, const std::nothrow_t&) noexcept {
  std::free(p);
}
