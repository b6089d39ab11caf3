// Reverse matching: recovering parameter values from a message a server sent, exactly or
// across the small wording drift real servers show.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "errcat/entry.hpp"
#include "errcat/match_kind.hpp"
#include "errcat/param_value.hpp"

namespace errcat {

struct catalog;
struct code_key;

/// What `match(catalog, status, code, message)` found: the entry the message belongs to and
/// the parameter values recovered from it.
struct match_result {
  /// The chosen entry, or nullptr when the catalog does not know the code.
  const errcat::entry* entry = nullptr;
  /// The recovered values in the entry's parameter order; empty when the message does not
  /// fit the entry's template (or the template has no parameters). Each value views the
  /// message passed to `match()`.
  std::vector<argument> args;
  /// How `entry` was found: `exact` (by code, or a message that fits the template),
  /// `tolerant` (a message that fits only across wording drift), `none` (no entry).
  match_kind kind = match_kind::none;
};

/// The parameter values that turn `e`'s template into `message`, or nullopt when `message`
/// does not fit the template. Literal segments must match exactly; a placeholder takes any
/// text (an integer one: an optional '-' and at least one digit). When a message fits in
/// several ways, each placeholder takes the shortest text that lets the rest of the template
/// match, left to right (like a lazy regular expression anchored at both ends). A
/// placeholder whose text is its own spelling was not filled, and gives no value; a
/// parameter used twice must have the same text both times. The values view `message`.
std::optional<std::vector<argument>> match(const entry& e, std::string_view message);

/// The longest message tolerant matching looks at, in bytes. Longer messages are matched
/// exactly only: no template drifts into kilobytes, and the bound keeps the work per
/// message fixed.
inline constexpr std::size_t max_tolerant_message = 4096;

/// Like `match(e, message)`, but across wording drift: runs of whitespace (space, tab, CR,
/// LF) count as one space and the ends are trimmed; a final period may be missing on either
/// side; and one literal word (a run of non-spaces with a letter in it) may be missing from
/// the message or one extra word may appear in it, as long as at least three literal words
/// still anchor the template. Values view the original message, so a value keeps
/// its own whitespace. Nullopt when the message does not fit even so, or is longer than
/// `max_tolerant_message`. O(n) in the message length (a bounded number of linear passes),
/// allocating O(n) for a position map plus the values returned.
std::optional<std::vector<argument>> match_tolerant(const entry& e, std::string_view message);

/// Finds the entry of `c` a received `(status, code, message)` belongs to and recovers its
/// values. The message picks among the entries documented with `code`: the one whose
/// template it fits, preferring the template with the most literal text and then the
/// documented order; entries under `status` first, then (the status may be wrong, as a
/// proxy's can be) under any status. When none fits exactly, the same search is made with
/// `match_tolerant`, and a tie between two entries fits neither. When nothing fits, the
/// first entry under `status` (or under any status) is returned with no values and kind
/// `exact` (found by its code). The code is looked up exactly, as `catalog::find` does
/// (see `find_key_any_case` for reading responses). Allocates only the values it returns.
match_result match(const catalog& c, int status, std::string_view code, std::string_view message);

/// The entry of any of `catalogs` documented under `status` whose template `message` fits,
/// for bodies that carry a message but no code (Keystone's). An exact fit wins over a
/// tolerant one; among fits of one kind, the template with the most literal text wins, and
/// two different entries tied for it fit neither (kind `none`): a tolerant reading never
/// names an entry another one could equally be. O(entries × message length), bounded by
/// `max_tolerant_message` for the tolerant pass.
match_result match_message(std::span<const catalog* const> catalogs, int status,
                           std::string_view message);

/// The distinct code of `c` that a received `code` names, for reading responses: exactly
/// as `catalog::find_key` finds it, else ignoring ASCII letter case (`Iam.0004`,
/// `apigw.0302` under the alias `APIGW`). nullptr when none. `catalog::find` stays exact;
/// this tolerance belongs to reading what servers send. O(1) for an exact or upper-case
/// hit, else O(codes of `c`); no allocation.
const code_key* find_key_any_case(const catalog& c, std::string_view code) noexcept;

}  // namespace errcat
