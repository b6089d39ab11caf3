// How the catalog entry of a received error was found (a small header of its own, so that
// errcat::error can carry it without the matching machinery).
#pragma once

#include <cstdint>
#include <string_view>

namespace errcat {

/// How the entry of a received error was found.
enum class match_kind : std::uint8_t {
  /// No documented entry: an unknown code, no code and a message no template fits, or a
  /// body with no error in it (an HTML page).
  none,
  /// By its code (in any letter case, under any documented prefix), or by a message equal
  /// to a rendering of the entry's template.
  exact,
  /// By a message that differs from a rendering of the template only by small wording
  /// drift: whitespace, a final period dropped or added, one word dropped or added.
  tolerant,
  /// From a body that is not valid JSON, whose `"key": "value"` pairs were picked out.
  salvaged,
};

/// `"none"`, `"exact"`, `"tolerant"` or `"salvaged"`: the spelling in JSON output.
constexpr std::string_view to_string(match_kind k) noexcept {
  switch (k) {
    case match_kind::exact:
      return "exact";
    case match_kind::tolerant:
      return "tolerant";
    case match_kind::salvaged:
      return "salvaged";
    case match_kind::none:
      break;
  }
  return "none";
}

}  // namespace errcat
