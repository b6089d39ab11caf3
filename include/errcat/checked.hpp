// Compile-time checked construction: make<"IAM.0004">("user", id) and friends. The code,
// the argument count, the argument kinds and argument names are checked by the compiler
// against the catalog's signature index (errcat/detail/signature.hpp), which is small and
// cheap to compile; the error itself is made at run time from the catalog's entry.
//
// Accepted argument kinds: text (anything convertible to std::string_view) and integers.
// Other types are accepted where `errcat::argument_text<T>` says how to write them as text;
// <errcat/format_args.hpp> does that for every type {fmt} can format. This header does not
// include fmt.
#pragma once

#include <array>
#include <concepts>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>

#include "errcat/catalog.hpp"
#include "errcat/detail/signature.hpp"
#include "errcat/error.hpp"
#include "errcat/make.hpp"
#include "errcat/param_value.hpp"

namespace errcat {

/// A string usable as a template argument: `make<"IAM.0004">`, `arg<"target">`.
template <std::size_t N>
struct fixed_string {
  char data[N] = {};
  /// From a string literal.
  constexpr fixed_string(const char (&s)[N]) noexcept {
    for (std::size_t i = 0; i < N; ++i)
      data[i] = s[i];
  }
  /// The characters without the terminating NUL.
  constexpr std::string_view view() const noexcept { return {data, N - 1}; }
};

/// A value with the name of the parameter it fills, the name fixed at compile time: the
/// `make<>()` form of `named_arg` ({fmt} calls its own `statically_named_arg`). Made by
/// `errcat::arg<"name">(value)` or, with `using namespace errcat::literals`, by
/// `"name"_arg = value`.
template <fixed_string Name, class T>
struct statically_named_arg {
  T value;  ///< The value (held by reference for the duration of the call).
};

/// The old name of `statically_named_arg`, kept for one release.
template <fixed_string Name, class T>
using named_value [[deprecated("use errcat::statically_named_arg")]] =
    statically_named_arg<Name, T>;

/// Names a value for `make<>()`: `errcat::arg<"target">("user")`.
template <fixed_string Name, class T>
constexpr statically_named_arg<Name, const T&> arg(const T& value) noexcept {
  return {value};
}

/// How `make<>()` writes an argument of type `T` that is neither text nor an integer: a
/// specialization has `static std::string text(const T&)`, and the argument fills a
/// string parameter with what it returns (one allocation per such argument). The primary
/// template has none, so such arguments are rejected at compile time;
/// <errcat/format_args.hpp> specializes it for every type {fmt} can format.
template <class T>
struct argument_text {};

namespace detail {

template <fixed_string Name>
struct arg_name {
  template <class T>
  constexpr statically_named_arg<Name, const T&> operator=(const T& value) const noexcept {
    return {value};
  }
};

template <class T>
struct is_named : std::false_type {};
template <fixed_string Name, class T>
struct is_named<statically_named_arg<Name, T>> : std::true_type {};

template <class T>
struct value_type_of {
  using type = T;
};
template <fixed_string Name, class T>
struct value_type_of<statically_named_arg<Name, T>> {
  using type = std::remove_cvref_t<T>;
};

template <class T>
concept text_value = std::convertible_to<const T&, std::string_view>;

template <class T>
concept converted_value = !text_value<T> && !integer_value<T> && requires(const T& v) {
  { argument_text<T>::text(v) } -> std::convertible_to<std::string>;
};

// The argument kinds make<>() accepts: text, integers, and types argument_text handles.
template <class T>
inline constexpr bool accepted_value = text_value<T> || integer_value<T> || converted_value<T>;

template <class T>
constexpr param_value to_value(const T& v, [[maybe_unused]] std::string* storage) {
  if constexpr (integer_value<T>) {
    return param_value(v);
  } else if constexpr (text_value<T>) {
    return param_value(std::string_view(v));
  } else if constexpr (converted_value<T>) {
    *storage = argument_text<T>::text(v);
    return param_value(std::string_view(*storage));
  } else {
    // Rejected by check_args(); converting it would only add more diagnostics.
    return param_value();
  }
}

template <class T>
constexpr decltype(auto) unwrap(const T& v) noexcept {
  if constexpr (is_named<T>::value) {
    return (v.value);
  } else {
    return (v);
  }
}

template <class T>
struct name_holder;
template <fixed_string Name, class T>
struct name_holder<statically_named_arg<Name, T>> {
  static constexpr std::string_view value = Name.view();
};

template <class... Args>
constexpr bool names_unique() {
  constexpr std::array<std::string_view, sizeof...(Args)> names = {name_holder<Args>::value...};
  for (std::size_t i = 0; i < names.size(); ++i) {
    for (std::size_t j = i + 1; j < names.size(); ++j) {
      if (names[i] == names[j]) return false;
    }
  }
  return true;
}

// The index of the parameter each named argument fills (-1: unknown name).
template <const signature_index& S, std::size_t Line, class... Args>
constexpr std::array<int, sizeof...(Args)> named_param_indices() {
  constexpr signature sig(S.records, Line);
  return {sig.param_index(name_holder<Args>::value)...};
}

// The parameter indices of named arguments, checked against the record at `Line` (one static_assert
// per kind of mistake).
template <const signature_index& S, std::size_t Line, class... Args>
constexpr std::array<int, sizeof...(Args)> check_named() {
  constexpr std::array<int, sizeof...(Args)> named = named_param_indices<S, Line, Args...>();
  constexpr bool known = [&] {
    for (int s : named) {
      if (s < 0) return false;
    }
    return true;
  }();
  static_assert(known, "errcat: unknown named argument for this error code");
  constexpr bool unique = names_unique<Args...>();
  static_assert(unique, "errcat: a named argument is given twice");
  static_assert(!known || !unique || sizeof...(Args) == signature(S.records, Line).param_count(),
                "errcat: a parameter is missing from the named arguments");
  return named;
}

// The parameter indices of positional arguments (in order), their count checked
// against the record at `Line`.
template <const signature_index& S, std::size_t Line, std::size_t Given>
constexpr std::array<int, Given> check_positional() {
  constexpr std::size_t n = signature(S.records, Line).param_count();
  static_assert(Given <= n, "errcat: too many arguments for this error code");
  static_assert(Given >= n, "errcat: too few arguments for this error code");
  std::array<int, Given> indices{};
  for (std::size_t i = 0; i < Given; ++i)
    indices[i] = static_cast<int>(i);
  return indices;
}

// Checks the arguments against the record at `Line` with one static_assert per kind of
// mistake, and returns the index of the parameter each argument fills.
template <const signature_index& S, std::size_t Line, class... Args>
constexpr std::array<int, sizeof...(Args)> check_args() {
  constexpr bool all_named = (is_named<Args>::value && ...);
  constexpr bool none_named = (!is_named<Args>::value && ...);
  static_assert(all_named || none_named,
                "errcat: make<>() takes its arguments either all by position or all by name");
  constexpr bool accepted = (accepted_value<typename value_type_of<Args>::type> && ...);
  static_assert(accepted,
                "errcat: an argument is neither text, an integer, nor formattable by fmt "
                "(include <errcat/format_args.hpp> to pass types fmt can format)");
  if constexpr (!all_named && !none_named) {
    // Already reported above; checking counts or names too would only add a cascade.
    return {};
  } else if constexpr (none_named) {
    return check_positional<S, Line, sizeof...(Args)>();
  } else {
    return check_named<S, Line, Args...>();
  }
}

template <const signature_index& S, std::size_t Line, class... Args>
constexpr bool kinds_match() {
  constexpr signature sig(S.records, Line);
  constexpr auto indices = check_args<S, Line, Args...>();
  constexpr std::array<bool, sizeof...(Args)> is_int = {
      integer_value<typename value_type_of<Args>::type>...};
  for (std::size_t i = 0; i < sizeof...(Args); ++i) {
    const auto s = static_cast<std::size_t>(indices[i]);
    if (s < sig.param_count() && sig.kind_at(s) == param_kind::integer && !is_int[i]) return false;
  }
  return true;
}

// How many arguments need their text stored (argument_text conversions).
template <class... Args>
inline constexpr std::size_t converted_count =
    (std::size_t{0} + ... + (converted_value<typename value_type_of<Args>::type> ? 1 : 0));

// The values in parameter order (an empty param_value keeps its placeholder). `storage`
// holds the text of converted arguments.
template <const signature_index& S, std::size_t Line, std::size_t N, class... Args>
constexpr std::array<param_value, N> fill([[maybe_unused]] std::string* storage,
                                          const Args&... args) {
  // [[maybe_unused]]: an entry without parameters has an empty fold below.
  [[maybe_unused]] constexpr auto indices = check_args<S, Line, Args...>();
  static_assert(kinds_match<S, Line, Args...>(),
                "errcat: an integer parameter (%d) needs an integer argument");
  std::array<param_value, N> out{};
  if constexpr (N == sizeof...(Args)) {
    [[maybe_unused]] std::size_t i = 0;
    [[maybe_unused]] std::size_t stored = 0;
    ((out[static_cast<std::size_t>(indices[i++])] =
          to_value(unwrap(args),
                   storage + (converted_value<typename value_type_of<Args>::type> ? stored++ : 0))),
     ...);
  }
  return out;
}

template <const signature_index& S, fixed_string Code>
constexpr code_match checked_code() {
  constexpr code_match m = find_code(S, Code.view());
  static_assert(m.count != 0, "errcat: unknown error code");
  static_assert(m.count <= 1,
                "errcat: this error code is documented more than once; use make<errc::...>()");
  return m;
}

template <const catalog& C, const signature_index& S, std::size_t Line, class... Args>
error make_at(const Args&... args) {
  constexpr signature sig(S.records, Line);
  constexpr std::size_t n = sig.param_count();
  if constexpr (converted_count<Args...> == 0) {
    const std::array<param_value, n> values = fill<S, Line, n>(nullptr, args...);
    // (pointer, size) rather than a span: span's constructors would instantiate the ranges
    // concepts behind them in every translation unit that makes an error (about 8 ms).
    return make_from_values(C[sig.entry()], values.data(), n);
  } else {
    std::string storage[converted_count<Args...>];
    const std::array<param_value, n> values = fill<S, Line, n>(storage, args...);
    return make_from_values(C[sig.entry()], values.data(), n);
  }
}

}  // namespace detail

/// `make<"CODE">(args...)` for catalog `C` with signature index `S` (generated catalogs
/// forward to this): checks the code, argument count, kinds and names at compile time,
/// then makes the error from `C`'s entry. Allocates what `errcat::error` allocates, plus
/// one string per argument converted by `argument_text`.
template <const catalog& C, const detail::signature_index& S, fixed_string Code, class... Args>
error make_checked(const Args&... args) {
  constexpr detail::code_match m = detail::checked_code<S, Code>();
  if constexpr (m.count == 1) {
    constexpr std::size_t line = detail::offset_at(S.by_code, m.first);
    if constexpr (detail::signature(S.records, line).code() == Code.view()) {
      return detail::make_at<C, S, line>(args...);
    } else {
      // Like the run-time make(): a code spelled with an alias prefix is kept as written.
      error err = detail::make_at<C, S, line>(args...);
      err.set_code(Code.view());
      return err;
    }
  } else {
    return error();
  }
}

/// `make<errc::name>(args...)` for catalog `C`: the entry whose errc value is `ErrcValue`.
template <const catalog& C, const detail::signature_index& S, int ErrcValue, class... Args>
error make_checked_errc(const Args&... args) {
  constexpr std::size_t line = detail::find_errc_value(S, ErrcValue);
  static_assert(line != std::string_view::npos, "errcat: no entry has this errc value");
  if constexpr (line != std::string_view::npos) {
    return detail::make_at<C, S, line>(args...);
  } else {
    return error();
  }
}

/// The old name of `make_checked_errc()`, kept for one release.
template <const catalog& C, const detail::signature_index& S, int ErrcValue, class... Args>
[[deprecated("use errcat::make_checked_errc")]] error make_checked_value(const Args&... args) {
  return make_checked_errc<C, S, ErrcValue>(args...);
}

namespace literals {
/// `"target"_arg = "user"`: a named argument for `make<>()`.
template <fixed_string Name>
constexpr detail::arg_name<Name> operator""_arg() noexcept {
  return {};
}
}  // namespace literals

}  // namespace errcat
