// errcat::param_value: a parameter value passed to rendering and to make().
#pragma once

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "errcat/entry.hpp"

namespace errcat {

/// Integer types accepted as integer parameter values: every standard integer type except
/// `bool` and the character types, which would more likely be mistakes than numbers.
template <class T>
concept integer_value =
    std::integral<T> && !std::same_as<std::remove_cv_t<T>, bool> &&
    !std::same_as<std::remove_cv_t<T>, char> && !std::same_as<std::remove_cv_t<T>, wchar_t> &&
    !std::same_as<std::remove_cv_t<T>, char8_t> && !std::same_as<std::remove_cv_t<T>, char16_t> &&
    !std::same_as<std::remove_cv_t<T>, char32_t>;

/// One parameter value: absent, text, or an integer. A `param_value` that holds text refers to
/// characters it does not own (like `std::string_view`), so it is meant to live for the
/// duration of a call; errors copy what they keep. Constexpr throughout.
class param_value {
 public:
  /// What a `param_value` holds: nothing, text, or an integer of either signedness. (Not
  /// `errcat::param_kind`, the kind a parameter is declared with.)
  enum class value_kind : std::uint8_t { none, string, signed_integer, unsigned_integer };
  /// The old name of `value_kind`, kept for one release: it is what the deprecated `holds()`
  /// returns. An enumeration may share its name with a member function (`kind()`), which
  /// hides it except after `::`, so `param_value::kind::string` still compiles; a type
  /// alias could not.
  enum class [[deprecated("use param_value::value_kind")]] kind : std::uint8_t{
      none, string, signed_integer, unsigned_integer};

  /// No value: rendering keeps the placeholder as documented.
  constexpr param_value() noexcept = default;
  /// A text value, inserted verbatim.
  constexpr param_value(std::string_view text) noexcept
      : kind_(value_kind::string), size_(text.size()), text_(text.data()) {}
  /// A text value from a NUL-terminated string.
  constexpr param_value(const char* text) noexcept : param_value(std::string_view(text)) {}
  /// A text value viewing `text` (which must outlive the param_value).
  constexpr param_value(const std::string& text) noexcept : param_value(std::string_view(text)) {}
  /// An integer value.
  template <integer_value I>
  constexpr param_value(I v) noexcept {
    if constexpr (std::is_signed_v<I>) {
      kind_ = value_kind::signed_integer;
      int_ = static_cast<std::int64_t>(v);
    } else {
      kind_ = value_kind::unsigned_integer;
      uint_ = static_cast<std::uint64_t>(v);
    }
  }

  /// What this param_value holds.
  constexpr value_kind kind() const noexcept { return kind_; }
#if defined(__GNUC__) || defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#endif
  /// The old name of `kind()`, kept for one release.
  [[deprecated("use param_value::kind()")]] constexpr enum kind holds() const noexcept {
    return static_cast<enum kind>(kind_);
  }
#if defined(__GNUC__) || defined(__clang__)
#pragma GCC diagnostic pop
#endif
  /// True unless default-constructed.
  constexpr bool has_value() const noexcept {
    return kind_ != value_kind::none;
  }
  /// True for either integer kind.
  constexpr bool is_integer() const noexcept {
    return kind_ == value_kind::signed_integer || kind_ == value_kind::unsigned_integer;
  }
  /// The text of a string param_value (empty otherwise).
  constexpr std::string_view text() const noexcept {
    return kind_ == value_kind::string ? std::string_view(text_, size_) : std::string_view();
  }
  /// The value of a signed integer param_value (0 otherwise).
  constexpr std::int64_t signed_value() const noexcept {
    return kind_ == value_kind::signed_integer ? int_ : 0;
  }
  /// The value of an unsigned integer param_value (0 otherwise).
  constexpr std::uint64_t unsigned_value() const noexcept {
    return kind_ == value_kind::unsigned_integer ? uint_ : 0;
  }

 private:
  // 24 bytes: rendering and make() gather up to max_params of these on the stack.
  value_kind kind_ = value_kind::none;
  std::size_t size_ = 0;  // of the text
  union {
    const char* text_ = nullptr;
    std::int64_t int_;
    std::uint64_t uint_;
  };
};

/// A parameter value with the name of the parameter it fills: `{"target", "user"}`, as
/// `make()` takes it (`statically_named_arg`, in checked.hpp, is the `make<>()` form).
struct named_arg {
  std::string_view name;      ///< Parameter name, as in `entry::params`.
  errcat::param_value value;  ///< The value.
};

/// A parameter value as an `errcat::error` keeps it: its name, kind and text (integers in
/// decimal). A view, like `param_value`: in `error::args()` the text views the error's own
/// data (valid while the error or a copy of it lives); passed to the `error` constructor,
/// it is copied.
struct argument {
  std::string_view name;  ///< Parameter name (points into the catalog's static data).
  param_kind kind = param_kind::string;  ///< The parameter's declared kind.
  std::string_view value;                ///< The value as inserted into the message.

  /// Equal when name, kind and value are equal.
  friend bool operator==(const argument&, const argument&) = default;
};

}  // namespace errcat
