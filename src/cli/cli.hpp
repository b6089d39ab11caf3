// What the errcat tool's commands share: exit codes, the terminal (colour, width, text
// layout), the bundled catalogs and how entries and errors are shown. The commands
// themselves are in commands.hpp, one file each. Internal to the tool.
#pragma once

#include <array>
#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <errcat/catalog.hpp>
#include <errcat/error.hpp>
#include <errcat/registry.hpp>

#include <nlohmann/json.hpp>

#include "text.hpp"

namespace errcat::cli {

/// The tool's exit codes. A command returns the first three; only `run_command` returns
/// `exit_failure`, for an exception no command expects (see include/errcat/README.md,
/// "Errors: what throws, what returns null, what never throws").
enum exit_code : int {
  exit_ok = 0,         ///< Found, valid.
  exit_not_found = 1,  ///< Not found, or invalid input.
  exit_usage = 2,      ///< The command line itself is wrong.
  exit_failure = 3,    ///< The tool failed: out of memory, or an internal error.
};

// --- the terminal ---------------------------------------------------------------------

/// ANSI styles; each is emitted only when colour is on.
enum class style { bold, dim, red, yellow, green, cyan };

/// Where output goes and how it may look: colour (only on a terminal, never with NO_COLOR)
/// and the width tables and wrapped text must fit.
struct terminal {
  bool colour = false;     ///< Whether `paint` emits ANSI escapes.
  std::size_t width = 80;  ///< Columns that tables and wrapped text fit in.

  /// `text` in `s` when colour is on, else `text` unchanged.
  std::string paint(style s, std::string_view text) const;
};

/// Colour for standard output: `when` is "auto" (a terminal only), "always" or "never";
/// NO_COLOR (set and not empty) turns it off whatever `when` says.
bool colour_enabled(std::string_view when) noexcept;

/// The width to fit: COLUMNS when it is a positive number, else the terminal's width when
/// standard output is one, else 80.
std::size_t terminal_width() noexcept;

/// Columns `text` takes: one per UTF-8 code point (ANSI escapes take none).
std::size_t display_width(std::string_view text) noexcept;

/// `text` cut to at most `width` columns, ending in "…" when something was cut.
std::string truncate(std::string_view text, std::size_t width);

// Untrusted text is shown through text::printable, the escaping every errcat tool shares.
using text::printable;

/// Writes `label` padded to `indent` columns, then `text` word-wrapped to `t.width` with
/// following lines indented by `indent`. `label` may carry colour; `text` is printed as is.
void write_wrapped(std::ostream& out, const terminal& t, std::string_view label,
                   std::string_view text, std::size_t indent);

/// A table that fits the terminal: the widest columns give way first, and a cell that
/// does not fit ends in "…". Columns listed in `fixed` are never cut.
struct table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> fixed;

  void write(std::ostream& out, const terminal& t) const;
};

/// `s` quoted for CSV (RFC 4180) when it needs to be.
std::string csv_field(std::string_view s);

// --- the catalogs -------------------------------------------------------------------

/// The catalog `e` belongs to (every entry the tool shows is a bundled one: the catalogs
/// come from errcat::bundled_catalogs() alone).
const catalog& catalog_of(const entry& e) noexcept;

/// The registry's name of the catalog `e` belongs to (`iam`, `ecs`, `otc.iam`).
std::string_view service_of(const entry& e) noexcept;

/// The placeholder of parameter `i` as `e`'s template spells it (`%(target)s`, `%d`).
std::string_view placeholder_of(const entry& e, std::size_t i) noexcept;

using text::kind_name;

/// Entries for `code` (under `status`, 0: any) in the bundled catalogs, through the
/// registry (any letter case, alias prefixes), else entries named `code`
/// (`resource_not_found`), in the registry's default order. Of two publications of one
/// service (`iam` and `otc.iam` are both `iam`), only the first in that order answers,
/// unless `only` names the catalog to look in.
std::vector<const entry*> find_entries(int status, std::string_view code,
                                       const bundled_catalog* only = nullptr);

/// The codes closest to `code` by edit distance (case-insensitive), best first.
std::vector<std::string_view> nearest_codes(std::string_view code, std::size_t max_count = 3);

/// An entry as a JSON object: catalog, status, reason, code, name, message, params (name,
/// kind, placeholder), description, remediation, errc and value.
nlohmann::ordered_json entry_json(const entry& e);

/// `j` as indented text; invalid UTF-8 in strings is replaced, never thrown about.
std::string dump(const nlohmann::ordered_json& j);

/// The line that heads an entry: `404 Not Found  IAM.0004  resource_not_found`.
void write_heading(std::ostream& out, const terminal& t, int status, std::string_view code,
                   std::string_view name);

/// One labelled, wrapped line of an entry (`  Description  The requested …`).
void write_field(std::ostream& out, const terminal& t, std::string_view label,
                 std::string_view text);

/// An entry as `explain` shows it: heading, the template with its parameters marked, the
/// template as sent, the parameters, description, remediation and catalog.
void write_entry(std::ostream& out, const terminal& t, const entry& e);

/// The description, remediation and catalog lines of an entry.
void write_entry_footer(std::ostream& out, const terminal& t, const entry& e);

/// Reports on standard error that `code` is unknown, with the nearest codes.
void report_unknown_code(std::string_view code);

// --- shared by the commands -----------------------------------------------------------

/// `entries` on standard output as `format` says: "json" (an array of `entry_json`),
/// "csv" (one row each, RFC 4180) or a table of status, code, name and message.
void write_entries(const std::vector<const entry*>& entries, std::string_view format,
                   const terminal& t);

/// An error read or made by errcat as a JSON object: known, status (null: unknown), reason,
/// code, name, message, args, request id, authorization message, status mismatch, raw body,
/// match, code on the wire, every request id, the retry advice and, unless `with_entry` is
/// false (the caller adds it), the documented entry (null when the code is unknown).
nlohmann::ordered_json error_json(const error& err, bool with_entry = true);

/// An error as `parse` shows it: heading, message, parameters, request id, a status
/// mismatch, the start of a body that is not an error, and the entry's footer when known.
void write_error(std::ostream& out, const terminal& t, const error& err);

/// Reads all of `path` ("-": standard input), at most `limit` bytes; on failure returns
/// nothing and puts the reason in `why`.
std::optional<std::string> read_input(const std::string& path, std::size_t limit, std::string& why);

}  // namespace errcat::cli
