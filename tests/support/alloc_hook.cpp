// The replacement operator new and delete behind alloc_hook.hpp. Every form, aligned,
// nothrow, sized and array ones included, is replaced and goes through malloc (or
// aligned_alloc) and free: a form left to the runtime would pair its allocator with ours,
// which AddressSanitizer reports as an alloc-dealloc mismatch. In a translation unit of its
// own, so the compiler cannot pair an inlined delete's free() with a visible new.
#include "support/alloc_hook.hpp"

#include <cstdint>
#include <cstdlib>
#include <new>

namespace {

// Not atomic: the programs that link this count and fail allocations on one thread, and the
// bench's baselines that allocate should pay no atomic instruction for being counted.
std::size_t made = 0;
std::size_t failed = 0;
std::size_t fail_at = 0;  // 0: fail nothing; N: fail when `made` reaches N
bool fail_later = false;  // and every allocation after that one

// Null when this allocation is to fail, or when there is no memory; `align` 0 means the
// default alignment.
void* allocate(std::size_t n, std::size_t align) noexcept {
  ++made;
  if (fail_at != 0 && (made == fail_at || (fail_later && made > fail_at))) {
    ++failed;
    return nullptr;
  }
  if (n == 0) n = 1;
  if (align == 0) return std::malloc(n);
  // aligned_alloc wants a size that is a multiple of the alignment; rounding up must not wrap.
  if (n > SIZE_MAX - (align - 1)) return nullptr;
  return std::aligned_alloc(align, (n + align - 1) / align * align);
}

void* allocate_or_throw(std::size_t n, std::size_t align) {
  if (void* p = allocate(n, align)) return p;
  throw std::bad_alloc();
}

std::size_t alignment(std::align_val_t a) {
  return static_cast<std::size_t>(a);
}

}  // namespace

std::size_t errcat::testing_support::allocation_count() noexcept {
  return made;
}

std::size_t errcat::testing_support::failed_allocation_count() noexcept {
  return failed;
}

void errcat::testing_support::fail_allocations(std::size_t nth, bool and_later) noexcept {
  fail_at = nth == 0 ? 0 : made + nth;
  fail_later = and_later;
}

void errcat::testing_support::stop_failing_allocations() noexcept {
  fail_at = 0;
  fail_later = false;
}

void* operator new(std::size_t n) {
  return allocate_or_throw(n, 0);
}
void* operator new[](std::size_t n) {
  return allocate_or_throw(n, 0);
}
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
  return allocate(n, 0);
}
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept {
  return allocate(n, 0);
}
void* operator new(std::size_t n, std::align_val_t a) {
  return allocate_or_throw(n, alignment(a));
}
void* operator new[](std::size_t n, std::align_val_t a) {
  return allocate_or_throw(n, alignment(a));
}
void* operator new(std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
  return allocate(n, alignment(a));
}
void* operator new[](std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
  return allocate(n, alignment(a));
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
void operator delete(void* p, std::align_val_t) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::align_val_t) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t, std::align_val_t) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept {
  std::free(p);
}
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept {
  std::free(p);
}
