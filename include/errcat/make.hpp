// Making errors from a catalog at run time, with every value checked against the entry.
#pragma once

#include <initializer_list>
#include <span>
#include <string_view>

#include "errcat/catalog.hpp"
#include "errcat/error.hpp"
#include "errcat/limits.hpp"
#include "errcat/usage_error.hpp"

namespace errcat {

/// Makes the error `e` documents, filling parameters by name. A parameter without a value
/// keeps its placeholder as documented; positional placeholders are filled through the
/// names in the entry's `params`. Throws `usage_error` for an unknown parameter name, a
/// name given twice, or text for an integer parameter.
error make(const entry& e, std::span<const named_arg> args);

/// Makes the error `e` documents from values already in parameter order: `slots[i]` fills
/// `e.params[i]` (an empty param_value keeps its placeholder). Nothing is checked: this is the
/// back end of the compile-time checked `make<>()`.
error make_from_slots(const entry& e, std::span<const param_value> slots);

/// `make(e, args)` with a braced list: `make(e, {{"target", "user"}, {"target_id", 42}})`.
inline error make(const entry& e, std::initializer_list<named_arg> args = {}) {
  return make(e, std::span<const named_arg>(args.begin(), args.size()));
}

/// Makes the error documented as `code` in `c`. Throws `usage_error` when the code is
/// unknown, or documented more than once (pass the status, or use the entry or `errc`).
error make(const catalog& c, std::string_view code, std::span<const named_arg> args);

/// As above, choosing among the entries documented under `status`.
error make(const catalog& c, int status, std::string_view code, std::span<const named_arg> args);

/// `make(c, code, args)` with a braced list.
inline error make(const catalog& c, std::string_view code,
                  std::initializer_list<named_arg> args = {}) {
  return make(c, code, std::span<const named_arg>(args.begin(), args.size()));
}

/// `make(c, status, code, args)` with a braced list.
inline error make(const catalog& c, int status, std::string_view code,
                  std::initializer_list<named_arg> args = {}) {
  return make(c, status, code, std::span<const named_arg>(args.begin(), args.size()));
}

}  // namespace errcat
