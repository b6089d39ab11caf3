// What every generated `<service>_table.hpp` includes: the constexpr use of a catalog's
// full table (errcat::constant_table), which run-time users do not compile.
// `ERRCAT_TABLE_API` expands the constexpr, checked `render<"CODE">(args...)` in the
// catalog's namespace.
#pragma once

#include <array>
#include <cstddef>
#include <span>
#include <string>

#include "errcat/checked.hpp"
#include "errcat/constant_table.hpp"
#include "errcat/detail/signature.hpp"
#include "errcat/render.hpp"

namespace errcat {

/// The rendered message of `Code` with `args`, checked like `make_checked` against `S`
/// and rendered from the constant table `T` (an errcat::constant_table); constexpr, so a
/// message can be rendered inside `static_assert` (text and integer arguments only). The
/// entry is decoded once per code, at compile time (`detail::constant_entry`), also when
/// the call runs at run time.
template <const auto& T, const detail::signature_index& S, fixed_string Code, class... Args>
constexpr std::string render_checked(const Args&... args) {
  constexpr detail::code_match m = detail::checked_code<S, Code>();
  if constexpr (m.count == 1) {
    constexpr detail::signature sig(S.records, detail::offset_at(S.by_code, m.first));
    constexpr std::size_t line = detail::offset_at(S.by_code, m.first);
    constexpr std::size_t n = sig.param_count();
    static_assert(detail::converted_count<Args...> == 0,
                  "errcat: render<>() takes text and integer arguments only");
    const std::array<param_value, n> values = detail::fill<S, line, n>(nullptr, args...);
    return render(*detail::constant_entry<T, sig.entry()>, std::span<const param_value>(values));
  } else {
    return std::string();
  }
}

}  // namespace errcat

/// Expands, inside a generated catalog's namespace, the API of its constexpr table `TABLE`
/// (signature index `SIGNATURES`): constexpr, checked `render<"CODE">(args...)`.
#define ERRCAT_TABLE_API(TABLE, SIGNATURES)                                    \
  /** Compile-time checked, constexpr rendering: `render<"CODE">(args...)`. */ \
  template <::errcat::fixed_string Code, class... Args>                        \
  constexpr std::string render(const Args&... args) {                          \
    return ::errcat::render_checked<TABLE, SIGNATURES, Code>(args...);         \
  }
