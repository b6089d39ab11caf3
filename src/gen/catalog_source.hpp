// Reading and validating a catalog JSON file: the rules shared by errcat-gen, the
// errcat tool's `lint` command and the fuzzers. Internal to errcat's tools.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "errcat/entry.hpp"

namespace errcat::gen {

/// A template parameter found by the template parser.
struct template_param {
  std::string name;
  param_kind kind = param_kind::string;
};

/// A literal run (slot -1) or a parameter slot with its documented spelling.
struct template_segment {
  std::string text;
  int slot = -1;
};

/// A message template split into segments.
struct parsed_template {
  std::vector<template_param> params;
  std::vector<template_segment> segments;
  std::size_t positional = 0;  // how many positional placeholders (%s, %d, {})
};

/// Parses `message`. Positional placeholders take their names, in order, from
/// `positional_names` (when it has too few, the count is still reported in `positional`
/// and the caller reports the mismatch). Returns an error text instead on failure.
std::optional<std::string> parse_template(std::string_view message,
                                          const std::vector<std::string>& positional_names,
                                          parsed_template& out);

/// Turns the text inside `[input …]`/`[condition …]` into a snake_case parameter name
/// (`input Resource uri size ` → `resource_uri_size`).
std::string bracket_param_name(std::string_view inside);

/// True for a C++ identifier that is not a keyword or alternative token.
bool is_cpp_identifier(std::string_view s);

struct source_alias {
  std::string prefix;
  std::string canonical;
};

struct source_entry {
  int status = 0;
  std::string code;
  std::string name;
  std::string message;
  std::string description;
  std::string remediation;
  std::vector<std::string> params;  // positional names, as in the JSON
  bool has_params = false;
  std::optional<std::int64_t> explicit_value;
  parsed_template tmpl;
  int value = 0;                              // errc value, derived or explicit
  std::optional<retry_class> explicit_retry;  // the JSON's "retry", when given
  retry_class retry = retry_class::never;     // explicit, or derived from the status
};

struct source_catalog {
  std::string service;
  std::string cpp_namespace;
  std::string title;
  std::string source;
  std::string type_base;  // RFC 9457 type URI base (absolute URI) or empty
  std::string domain;     // google.rpc ErrorInfo domain or empty
  std::vector<source_alias> aliases;
  std::vector<source_entry> entries;
};

/// The outcome of loading: a valid catalog, or every problem found, each a full sentence
/// naming the file and, where it applies, the entry (index and code).
struct load_result {
  std::optional<source_catalog> catalog;
  std::vector<std::string> errors;
};

/// Parses and validates catalog JSON `text`; `file` names it in messages.
load_result load_catalog(std::string_view file, std::string_view text);

/// The documented rule for `errc` values: status × 1 000 000 + occurrence × 100 000 +
/// (prefixed ? 10 000 : 0) + number, for codes of the form `[PREFIX.]DIGITS` with at most
/// four digits. Returns nothing for a code the rule does not cover.
std::optional<int> derive_value(int status, std::string_view code, int occurrence);

/// The retry class a status implies when an entry gives none: 429 → throttled; 500, 502,
/// 503, 504 → backoff; any other status → never.
retry_class default_retry(int status);

/// True for an absolute URI: a scheme (a letter, then letters, digits, `+`, `-`, `.`), a
/// colon and at least one more printable character, with no spaces (RFC 3986 section 4.3).
bool is_absolute_uri(std::string_view s);

}  // namespace errcat::gen
