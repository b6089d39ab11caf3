// errcat::entry: one documented row of an error-code table, as the generator lays it out.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <system_error>

#include "errcat/retry.hpp"

namespace errcat {

/// The type a template parameter takes: `%d` and `%(x)d` are integers, every other
/// placeholder syntax is a string.
enum class param_kind : std::uint8_t {
  string,   ///< Any text; inserted verbatim.
  integer,  ///< A whole number; inserted in decimal.
};

/// A named parameter of a message template. Parameters are listed in order of first
/// appearance; a name that appears twice in a template is one parameter filled twice.
struct param {
  std::string_view name;                 ///< snake_case name (`target`, `resource_uri_size`).
  param_kind kind = param_kind::string;  ///< What kind of value fills it.
};

/// A piece of a pre-parsed message template: literal text, or a placeholder for a parameter.
/// The generator splits every template into segments, so nothing is parsed at run time.
struct segment {
  /// For a literal, the text to copy (`%%` already turned into `%`). For a placeholder, its
  /// spelling exactly as documented (`%(target)s`, `[input length]`), which rendering
  /// keeps when no value is given.
  std::string_view text;
  /// Index into `entry::params` of the parameter a placeholder shows, or -1 for a literal.
  std::int16_t param_index = -1;

  /// True when this segment is literal text rather than a placeholder.
  constexpr bool is_literal() const noexcept { return param_index < 0; }
};

/// One documented error: HTTP status, code, the message template exactly as servers send
/// it, and the documentation's description and remediation. Entries live in generated
/// constexpr tables; they are never created at run time.
struct entry {
  int status = 0;                     ///< HTTP status the error is documented under.
  std::string_view code;              ///< Error code as documented (`IAM.0004`, `1101`).
  std::string_view name;              ///< Curated snake_case name; also the `errc` enumerator.
  std::string_view message;           ///< Message template, verbatim.
  std::string_view description;       ///< What the error means, verbatim.
  std::string_view remediation;       ///< What to do about it, verbatim.
  std::span<const param> params;      ///< Template parameters in order of first appearance.
  std::span<const segment> segments;  ///< The template, pre-parsed.
  /// The `errc` enumerator's value: unique in the catalog and stable (it depends only on the
  /// entry's status, code and occurrence, and on the catalog's home prefix). The JSON's
  /// `value` wins; otherwise a code of 1 to 4 digits, bare or after the home prefix
  /// (`errc_prefix`, or the one prefix all `PREFIX.DIGITS` codes share), gets the readable
  /// status × 1,000,000 + occurrence × 100,000 + (prefixed ? 10,000 : 0) + number
  /// (`IAM.0004` under 404: 404010004), where occurrence counts earlier entries with the
  /// same status and code (at most 9); every other code gets 600,000,000 +
  /// FNV-1a-64("<status> <code> <occurrence>") mod 1,500,000,000. The generator rejects a
  /// catalog where two entries get the same errc value, naming both (src/gen/rules.hpp).
  int errc_value = 0;
  /// The catalog's `std::error_category` (a function, so entries stay constexpr while the
  /// category object lives once, out of line, in the compiled library).
  const std::error_category& (*category)() noexcept = nullptr;
  /// Whether repeating a request that failed this way can succeed: the JSON's `"retry"`,
  /// or the class the status implies (429 throttled; 500, 502, 503, 504 backoff; else never).
  retry_class retry = retry_class::never;

  /// Looks up a parameter by name; returns its index or -1.
  constexpr int param_index(std::string_view n) const noexcept {
    for (std::size_t i = 0; i < params.size(); ++i) {
      if (params[i].name == n) return static_cast<int>(i);
    }
    return -1;
  }

  /// The `std::error_code` for this entry.
  std::error_code error_code() const noexcept {
    return category != nullptr ? std::error_code(errc_value, category()) : std::error_code();
  }
};

}  // namespace errcat
