// Rendering a message template from its pre-parsed segments: the exact size first, then
// one pass of copying. Values are copied verbatim and never scanned for placeholders.
#pragma once

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <span>
#include <string>
#include <type_traits>

#include "errcat/entry.hpp"
#include "errcat/param_value.hpp"

/// 1 when `std::string` works in constant evaluation here, so `render()` can run inside
/// `static_assert`. Clang before 15 cannot evaluate libstdc++'s constexpr `std::string`;
/// `render_to()` into a character array is constexpr everywhere.
#ifndef ERRCAT_HAS_CONSTEXPR_STRING
#if defined(__cpp_lib_constexpr_string) && __cpp_lib_constexpr_string >= 201907L && \
    !(defined(__clang__) && __clang_major__ < 15 && defined(__GLIBCXX__))
#define ERRCAT_HAS_CONSTEXPR_STRING 1
#else
#define ERRCAT_HAS_CONSTEXPR_STRING 0
#endif
#endif

namespace errcat {

namespace detail {

constexpr std::size_t digits(std::uint64_t v) noexcept {
  std::size_t n = 1;
  while (v >= 10) {
    v /= 10;
    ++n;
  }
  return n;
}

constexpr std::uint64_t magnitude(std::int64_t v) noexcept {
  return v < 0 ? ~static_cast<std::uint64_t>(v) + 1 : static_cast<std::uint64_t>(v);
}

// Bytes the value of `a` takes in a message.
constexpr std::size_t value_size(const param_value& a) noexcept {
  switch (a.kind()) {
    case param_value::value_kind::string:
      return a.text().size();
    case param_value::value_kind::signed_integer:
      return digits(magnitude(a.signed_value())) + (a.signed_value() < 0 ? 1 : 0);
    case param_value::value_kind::unsigned_integer:
      return digits(a.unsigned_value());
    case param_value::value_kind::none:
      break;
  }
  return 0;
}

constexpr char* write_unsigned(char* out, std::uint64_t v, std::size_t n) noexcept {
  char* p = out + n;
  do {
    *--p = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  return out + n;
}

// Moves `N` bytes through a register: the compiler turns each into one load and one store.
template <std::size_t N>
inline void move_bytes(char* out, const char* in) noexcept {
  char tmp[N];
  std::memcpy(tmp, in, N);
  std::memcpy(out, tmp, N);
}

// Copies `s` to `out` and returns the end. Message pieces and values are short, so up to
// 32 bytes are copied inline as two overlapping moves: a call to memcpy per piece would
// cost more than the copy itself.
constexpr char* copy(char* out, std::string_view s) noexcept {
  const std::size_t n = s.size();
  if (std::is_constant_evaluated()) {
    for (char c : s)
      *out++ = c;
    return out;
  }
  const char* in = s.data();
  if (n >= 16) {
    if (n <= 32) {
      move_bytes<16>(out, in);
      move_bytes<16>(out + n - 16, in + n - 16);
    } else {
      std::memcpy(out, in, n);
    }
  } else if (n >= 8) {
    move_bytes<8>(out, in);
    move_bytes<8>(out + n - 8, in + n - 8);
  } else if (n >= 4) {
    move_bytes<4>(out, in);
    move_bytes<4>(out + n - 4, in + n - 4);
  } else if (n > 0) {
    out[0] = in[0];
    out[n / 2] = in[n / 2];
    out[n - 1] = in[n - 1];
  }
  return out + n;
}

// Writes the value of `a` (which has one) and returns the end.
constexpr char* write_value(char* out, const param_value& a) noexcept {
  switch (a.kind()) {
    case param_value::value_kind::string:
      return copy(out, a.text());
    case param_value::value_kind::signed_integer:
      if (!std::is_constant_evaluated()) {
        return std::to_chars(out, out + value_size(a), a.signed_value()).ptr;
      } else {
        const std::uint64_t m = magnitude(a.signed_value());
        if (a.signed_value() < 0) *out++ = '-';
        return write_unsigned(out, m, digits(m));
      }
    case param_value::value_kind::unsigned_integer:
      if (!std::is_constant_evaluated()) {
        return std::to_chars(out, out + value_size(a), a.unsigned_value()).ptr;
      } else {
        return write_unsigned(out, a.unsigned_value(), digits(a.unsigned_value()));
      }
    case param_value::value_kind::none:
      break;
  }
  return out;
}

}  // namespace detail

/// A contiguous character buffer that rendering can append to: `std::string`,
/// `std::vector<char>`, `fmt::memory_buffer` and the like.
template <class B>
concept char_buffer = requires(B& b, std::size_t n) {
  { b.size() } -> std::convertible_to<std::size_t>;
  b.resize(n);
  { b.data() } -> std::convertible_to<char*>;
};

/// The exact number of bytes `render(e, args)` produces. `args[i]` fills `e.params[i]`;
/// a missing or empty param_value keeps its placeholder as documented; extra args are ignored.
constexpr std::size_t rendered_size(const entry& e, std::span<const param_value> args) noexcept {
  std::size_t n = 0;
  for (const segment& s : e.segments) {
    const auto i = static_cast<std::size_t>(s.param_index);
    if (!s.is_literal() && i < args.size() && args[i].has_value()) {
      n += detail::value_size(args[i]);
    } else {
      n += s.text.size();
    }
  }
  return n;
}

/// Writes the rendered message to `out`, which must have room for
/// `rendered_size(e, args)` bytes, and returns the end of what was written.
constexpr char* render_to(char* out, const entry& e, std::span<const param_value> args) noexcept {
  for (const segment& s : e.segments) {
    const auto i = static_cast<std::size_t>(s.param_index);
    if (!s.is_literal() && i < args.size() && args[i].has_value()) {
      out = detail::write_value(out, args[i]);
    } else {
      out = detail::copy(out, s.text);
    }
  }
  return out;
}

/// Appends the rendered message to `out`. Allocates only if `out` must grow, so a reused
/// buffer with room costs no allocation at all.
template <char_buffer Buffer>
constexpr void render_append(Buffer& out, const entry& e, std::span<const param_value> args) {
  const std::size_t old = out.size();
  out.resize(old + rendered_size(e, args));
  render_to(out.data() + old, e, args);
}

/// The rendered message as a new string: its size is computed first, so this allocates
/// once (or not at all when the message fits the small-string buffer).
constexpr std::string render(const entry& e, std::span<const param_value> args) {
  // Sized at construction: growing an empty string would go through its general
  // replace-and-reallocate path.
  std::string s(rendered_size(e, args), '\0');
  render_to(s.data(), e, args);
  return s;
}

/// `render(e, args)` with the args in a braced list: `render(e, {"user", "42"})`.
constexpr std::string render(const entry& e, std::initializer_list<param_value> args) {
  return render(e, std::span<const param_value>(args.begin(), args.size()));
}

}  // namespace errcat
