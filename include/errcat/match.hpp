// Reverse matching: recovering parameter values from a message a server sent.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "errcat/entry.hpp"
#include "errcat/param_value.hpp"

namespace errcat {

struct catalog;

/// What `match(catalog, status, code, message)` found: the entry the message belongs to and
/// the parameter values recovered from it.
struct match_result {
  /// The chosen entry, or nullptr when the catalog does not know the code.
  const errcat::entry* entry = nullptr;
  /// The recovered values in the entry's parameter order; empty when the message does not
  /// fit the entry's template (or the template has no parameters). Each value views the
  /// message passed to `match()`.
  std::vector<argument> args;
};

/// The parameter values that turn `e`'s template into `message`, or nullopt when `message`
/// does not fit the template. Literal segments must match exactly; a slot takes any text
/// (an integer slot: an optional '-' and at least one digit). When a message fits in
/// several ways, each slot takes the shortest text that lets the rest of the template
/// match, left to right (like a lazy regular expression anchored at both ends). A slot
/// whose text is its own placeholder spelling was not filled, and gives no value; a
/// parameter used twice must have the same text both times. The values view `message`.
std::optional<std::vector<argument>> match(const entry& e, std::string_view message);

/// Finds the entry of `c` a received `(status, code, message)` belongs to and recovers its
/// values. The message picks among the entries documented with `code`: the one whose
/// template it fits, preferring the template with the most literal text and then the
/// documented order; entries under `status` first, then (the status may be wrong, as a
/// proxy's can be) under any status. When none fits, the first entry under `status` (or
/// under any status) is returned with no values. Allocates only the values it returns.
match_result match(const catalog& c, int status, std::string_view code, std::string_view message);

}  // namespace errcat
