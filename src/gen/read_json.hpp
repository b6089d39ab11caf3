// The read stage for catalog JSON: shapes, types and per-field formats, one function per
// section (top level, code aliases, each error). Everything that needs the whole catalog
// (duplicates, errc values) is the rules stage's.
#pragma once

#include <optional>
#include <string_view>

#include "catalog_source.hpp"

namespace errcat::gen {

/// Reads catalog JSON `text` into the model, reporting every problem to `d`. Every entry is
/// kept (`index` is its position in "errors"; `rejected` when it had a problem, so the rules
/// still see its name); nothing is returned when the document itself is unusable.
std::optional<source_catalog> read_catalog_json(std::string_view text, diagnostics& d);

/// True for an absolute URI: a scheme (a letter, then letters, digits, `+`, `-`, `.`), a
/// colon and at least one more printable character, with no spaces (RFC 3986 section 4.3).
bool is_absolute_uri(std::string_view s);

}  // namespace errcat::gen
