// Opt-in: lets the checked `make<"CODE">(args...)` take any argument {fmt} can format, as
// the text of a string parameter (`fmt::format("{}", value)`, one allocation per such
// argument). Without this header make<>() takes text and integers only and errcat's
// catalog headers do not include fmt.
#pragma once

#include <string>

#include <fmt/format.h>

#include "errcat/checked.hpp"
#include "errcat/param_value.hpp"

/// Every type fmt can format that is neither text nor an integer is written with
/// `fmt::format("{}", value)`.
template <class T>
requires(!errcat::detail::text_value<T> && !errcat::integer_value<T> &&
         fmt::is_formattable<T>::value) struct errcat::argument_text<T> {
  /// The argument as fmt writes it with `{}`.
  static std::string text(const T& value) { return fmt::format("{}", value); }
};
