// Compile-time checked construction: make<"IAM.0004">("user", id) and friends. The code,
// the argument count, the argument kinds and argument names are checked by the compiler.
#pragma once

#include <array>
#include <concepts>
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include <fmt/core.h>

#include "errcat/catalog.hpp"
#include "errcat/error.hpp"
#include "errcat/make.hpp"
#include "errcat/param_value.hpp"
#include "errcat/render.hpp"

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

/// A value for the parameter called `Name`; made by `errcat::param_value<"name">(value)` or, with
/// `using namespace errcat::literals`, by `"name"_arg = value`.
template <fixed_string Name, class T>
struct named_value {
  T value;  ///< The value (held by reference for the duration of the call).
};

/// Names a value for `make<>()`: `errcat::arg<"target">("user")`.
template <fixed_string Name, class T>
constexpr named_value<Name, const T&> arg(const T& value) noexcept {
  return {value};
}

namespace detail {

template <fixed_string Name>
struct arg_name {
  template <class T>
  constexpr named_value<Name, const T&> operator=(const T& value) const noexcept {
    return {value};
  }
};

template <class T>
struct is_named : std::false_type {};
template <fixed_string Name, class T>
struct is_named<named_value<Name, T>> : std::true_type {};

template <class T>
struct value_type_of {
  using type = T;
};
template <fixed_string Name, class T>
struct value_type_of<named_value<Name, T>> {
  using type = std::remove_cvref_t<T>;
};

template <class T>
concept text_value = std::convertible_to<const T&, std::string_view>;

template <class T>
concept formattable_value = !text_value<T> && !integer_value<T> && fmt::is_formattable<T>::value;

template <class T>
inline constexpr bool always_false = false;

// The argument kinds make<>() accepts: text, integers, and whatever fmt can format.
template <class T>
inline constexpr bool accepted_value = text_value<T> || integer_value<T> || formattable_value<T>;

template <class T>
constexpr errcat::param_value to_arg(const T& v, std::string& storage) {
  if constexpr (integer_value<T>) {
    return errcat::param_value(v);
  } else if constexpr (text_value<T>) {
    return errcat::param_value(std::string_view(v));
  } else if constexpr (formattable_value<T>) {
    storage = fmt::format("{}", v);
    return errcat::param_value(std::string_view(storage));
  } else {
    // Rejected by check_args(); formatting it would only add fmt's own diagnostics.
    return errcat::param_value();
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

template <const catalog& C, fixed_string Code>
constexpr std::size_t code_index() noexcept {
  return static_cast<std::size_t>(C.find(Code.view()) - C.entries.data());
}

template <class T>
constexpr std::string_view name_of() noexcept {
  return {};
}

template <class T>
struct name_holder;
template <fixed_string Name, class T>
struct name_holder<named_value<Name, T>> {
  static constexpr std::string_view value = Name.view();
};

// Checks the arguments against entry I of C with one static_assert per kind of mistake,
// and returns the slot each argument fills.
template <const catalog& C, std::size_t I, class... Args>
constexpr std::array<int, sizeof...(Args)> check_args() {
  constexpr const entry& e = C.entries[I];
  constexpr std::size_t n = e.params.size();
  constexpr std::size_t given = sizeof...(Args);
  constexpr bool all_named = (is_named<Args>::value && ...);
  constexpr bool none_named = (!is_named<Args>::value && ...);
  static_assert(all_named || none_named,
                "errcat: make<>() takes its arguments either all by position or all by name");
  std::array<int, given> slots{};
  if constexpr (!all_named && !none_named) {
    // Already reported above; checking counts or names too would only add a cascade.
  } else if constexpr (none_named) {
    static_assert(given <= n, "errcat: too many arguments for this error code");
    static_assert(given >= n, "errcat: too few arguments for this error code");
    for (std::size_t i = 0; i < given; ++i)
      slots[i] = static_cast<int>(i);
  } else {
    constexpr std::array<std::string_view, given> names = {name_holder<Args>::value...};
    constexpr bool known = [&] {
      for (std::string_view nm : names) {
        if (e.param_index(nm) < 0) return false;
      }
      return true;
    }();
    static_assert(known, "errcat: unknown named argument for this error code");
    constexpr bool unique = [&] {
      for (std::size_t i = 0; i < given; ++i) {
        for (std::size_t j = i + 1; j < given; ++j) {
          if (names[i] == names[j]) return false;
        }
      }
      return true;
    }();
    static_assert(unique, "errcat: a named argument is given twice");
    static_assert(!known || !unique || given == n,
                  "errcat: a parameter is missing from the named arguments");
    for (std::size_t i = 0; i < given; ++i)
      slots[i] = e.param_index(names[i]);
  }
  constexpr bool accepted = (accepted_value<typename value_type_of<Args>::type> && ...);
  static_assert(accepted,
                "errcat: an argument is neither text, an integer, nor formattable by fmt");
  return slots;
}

template <const catalog& C, std::size_t I, class... Args>
constexpr bool kinds_match() {
  constexpr const entry& e = C.entries[I];
  constexpr auto slots = check_args<C, I, Args...>();
  constexpr std::array<bool, sizeof...(Args)> is_int = {
      integer_value<typename value_type_of<Args>::type>...};
  for (std::size_t i = 0; i < sizeof...(Args); ++i) {
    const auto s = static_cast<std::size_t>(slots[i]);
    if (s < e.params.size() && e.params[s].kind == param_kind::integer && !is_int[i]) {
      return false;
    }
  }
  return true;
}

template <const catalog& C, std::size_t I, class... Args>
constexpr std::array<errcat::param_value, max_params> fill(
    [[maybe_unused]] std::array<std::string, sizeof...(Args)>& storage, const Args&... args) {
  // [[maybe_unused]]: an entry without parameters has an empty fold below.
  [[maybe_unused]] constexpr auto slots = check_args<C, I, Args...>();
  static_assert(kinds_match<C, I, Args...>(),
                "errcat: an integer parameter (%d) needs an integer argument");
  std::array<errcat::param_value, max_params> out{};
  [[maybe_unused]] std::size_t i = 0;
  ((out[static_cast<std::size_t>(slots[i])] = to_arg(unwrap(args), storage[i]), ++i), ...);
  return out;
}

template <const catalog& C, fixed_string Code>
constexpr std::size_t checked_code() {
  constexpr std::size_t count = C.find_all(Code.view()).size();
  static_assert(count != 0, "errcat: unknown error code");
  static_assert(count <= 1,
                "errcat: this error code is documented more than once; use make<errc::...>()");
  return count;
}

template <const catalog& C, std::size_t I, class... Args>
error make_at(const Args&... args) {
  std::array<std::string, sizeof...(Args)> storage;
  const auto slots = fill<C, I>(storage, args...);
  return make_from_slots(
      C.entries[I], std::span<const errcat::param_value>(slots.data(), C.entries[I].params.size()));
}

template <const catalog& C, std::size_t I, class... Args>
constexpr std::string render_at(const Args&... args) {
  std::array<std::string, sizeof...(Args)> storage;
  const auto slots = fill<C, I>(storage, args...);
  return render(C.entries[I],
                std::span<const errcat::param_value>(slots.data(), C.entries[I].params.size()));
}

}  // namespace detail

/// `make<"CODE">(args...)` for catalog `C` (generated catalogs forward to this): checks
/// the code, argument count, kinds and names at compile time, then makes the error.
template <const catalog& C, fixed_string Code, class... Args>
error make_checked(const Args&... args) {
  if constexpr (detail::checked_code<C, Code>() == 1) {
    error err = detail::make_at<C, detail::code_index<C, Code>()>(args...);
    // Like the run-time make(): a code spelled with an alias prefix is kept as written.
    if (err.code() != Code.view()) err.set_code(Code.view());
    return err;
  } else {
    return error();
  }
}

/// `make<errc::name>(args...)` for catalog `C`: the entry whose value is `Value`.
template <const catalog& C, int Value, class... Args>
error make_checked_value(const Args&... args) {
  constexpr const entry* e = C.find_value(Value);
  static_assert(e != nullptr, "errcat: no entry has this errc value");
  if constexpr (e != nullptr) {
    return detail::make_at<C, static_cast<std::size_t>(e - C.entries.data())>(args...);
  } else {
    return error();
  }
}

/// The rendered message of `Code` with `args`, checked like `make_checked`; constexpr, so
/// a message can be rendered inside `static_assert` (text and integer arguments only).
template <const catalog& C, fixed_string Code, class... Args>
constexpr std::string render_checked(const Args&... args) {
  if constexpr (detail::checked_code<C, Code>() == 1) {
    return detail::render_at<C, detail::code_index<C, Code>()>(args...);
  } else {
    return std::string();
  }
}

namespace literals {
/// `"target"_arg = "user"`: a named argument for `make<>()`.
template <fixed_string Name>
constexpr detail::arg_name<Name> operator""_arg() noexcept {
  return {};
}
}  // namespace literals

}  // namespace errcat
