// Making errors from a catalog at run time, with every value checked against the entry.
//
// Each generated catalog forwards to these (`errcat::iam::make(...)`); the compile-time
// checked `make<"CODE">(...)` (checked.hpp) ends in `make_from_values()`. Values are given by
// parameter name; a parameter without one keeps its placeholder, as documented.
//
//   const errcat::error err =
//       errcat::make(errcat::iam::catalog, "IAM.0004", {{"target", "user"}, {"target_id", 42}});
//   err.message();  // "Could not find user: 42."
//   errcat::make(errcat::iam::catalog, "IAM.0004", {{"user", "x"}});  // throws usage_error
//
// Cost: one allocation for the error (message and values in one block, none when no value
// is given), the message rendered straight into it; O(length of the message + parameters ×
// values given). Mistakes (an unknown code or name, a name given twice, text for an integer
// parameter) throw `errcat::usage_error`, which names the code and the parameter; a failed
// allocation throws std::bad_alloc. Nothing else is thrown.
#pragma once

#include <initializer_list>
#include <span>
#include <string_view>

#include "errcat/catalog.hpp"
#include "errcat/error.hpp"
#include "errcat/limits.hpp"
#include "errcat/usage_error.hpp"

namespace errcat {

namespace detail {
// A braced list of named values as the span the out-of-line make() takes. Callers pass
// this rather than the list itself: overload resolution would otherwise ask whether an
// initializer_list converts to std::span, which instantiates the ranges concepts behind
// span's constructors (about 15 ms of compile time in every translation unit that
// includes a catalog header). A template, so that even building the span is compiled only
// where it is called (the generated sources), not in every includer.
template <class T>
std::span<const T> span_of(std::initializer_list<T> args) noexcept {
  return {args.begin(), args.size()};
}
}  // namespace detail

/// Makes the error `e` documents, filling parameters by name. A parameter without a value
/// keeps its placeholder as documented; positional placeholders are filled through the
/// names in the entry's `params`.
///
/// Complexity: O(message length + params × args). Allocation: one (none when `args` is
/// empty). Exceptions: `usage_error` for an unknown parameter name, a name given twice,
/// or text for an integer parameter; std::bad_alloc.
error make(const entry& e, std::span<const named_arg> args);

/// Makes the error `e` documents from values already in parameter order: `values[i]` fills
/// `e.params[i]` (an empty param_value keeps its placeholder; values beyond the entry's
/// parameters are ignored). Nothing is checked: this is the back end of the compile-time
/// checked `make<>()`. Complexity: O(message length). Allocation: one block for message and
/// values (none when no value is given). Exceptions: std::bad_alloc only.
error make_from_values(const entry& e, std::span<const param_value> values);

/// `make_from_values(e, values)` with the values as a pointer and a count (`values[0]` to
/// `values[count - 1]`); what the compile-time checked `make<>()` calls, as it costs less
/// to compile than building a span.
error make_from_values(const entry& e, const param_value* values, std::size_t count);

/// The old name of `make_from_values()`, kept for one release. (Compiled in the library:
/// passing a span on, inline, made every includer check the ranges concepts of span's
/// constructors, about 10 ms.)
[[deprecated("use errcat::make_from_values")]] error make_from_slots(
    const entry& e, std::span<const param_value> slots);

/// `make(e, args)` with a braced list: `make(e, {{"target", "user"}, {"target_id", 42}})`.
/// (This and the other braced-list overloads are compiled in the library: building a span
/// inline would cost every includer the ranges concepts behind span's constructors.)
error make(const entry& e, std::initializer_list<named_arg> args = {});

/// Makes the error documented as `code` in `c`: a lookup (O(1) for a generated catalog,
/// see catalog.hpp) then `make(entry, args)`. A code spelled with an alias prefix
/// (`APIGW.0301`) is kept as spelled, in the error's second block (one more allocation).
/// Throws `usage_error` when the code is unknown, or documented more than once (pass the
/// status, or use the entry or `errc`), and as `make(entry, args)`.
error make(const catalog& c, std::string_view code, std::span<const named_arg> args);

/// As above, choosing among the entries documented under `status`.
error make(const catalog& c, int status, std::string_view code, std::span<const named_arg> args);

/// `make(c, code, args)` with a braced list.
error make(const catalog& c, std::string_view code, std::initializer_list<named_arg> args = {});

/// `make(c, status, code, args)` with a braced list.
error make(const catalog& c, int status, std::string_view code,
           std::initializer_list<named_arg> args = {});

}  // namespace errcat
