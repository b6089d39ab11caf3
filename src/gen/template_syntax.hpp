// The template-syntax stage: splitting a documented message into literal text and
// placeholders. One table lists every placeholder syntax (template_syntax.cpp); a short
// loop dispatches on the character that starts each one, and the same table writes the
// "supported: ..." part of every error message.
#pragma once

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

/// A literal run (param_index -1) or a placeholder with its documented spelling.
struct template_segment {
  std::string text;
  int param_index = -1;
};

/// A message template split into segments.
struct parsed_template {
  std::vector<template_param> params;
  std::vector<template_segment> segments;
  std::size_t positional = 0;  // positional placeholders: automatic (%s, %d, {}) or the
                               // number of indices ({0}, {1}: highest index + 1)
  bool indexed = false;        // the positional placeholders are {0}, {1}, ...
};

/// Parses `message`. Positional placeholders take their names from `positional_names`
/// (automatic ones in order, indexed ones by index); when it has too few, the count is
/// still reported in `positional` and the caller reports the mismatch. Returns an error
/// text instead on failure.
std::optional<std::string> parse_template(std::string_view message,
                                          const std::vector<std::string>& positional_names,
                                          parsed_template& out);

/// Turns the text inside `[input …]`, `[condition …]` or `{words …}` into a snake_case
/// parameter name (`input Resource uri size ` → `resource_uri_size`, `fault cause` →
/// `fault_cause`).
std::string bracket_param_name(std::string_view inside);

/// The placeholder syntaxes the parser reads, for messages: `%s, %d, %(name)s, ...`.
std::string supported_syntaxes();

}  // namespace errcat::gen
