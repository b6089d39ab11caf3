// errcat import: documented error tables (reStructuredText, Markdown, HTML, plain text)
// read into one model of rows, named, and written as a catalog JSON that errcat-gen
// accepts. Internal to errcat's tools (the `errcat import` command, the tests, the fuzzer).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace errcat::gen::import {

/// The table syntaxes the importer reads.
enum class table_format : std::uint8_t {
  rst,       ///< reStructuredText grid tables and `.. list-table::` directives
  markdown,  ///< Markdown (GFM) pipe tables
  html,      ///< HTML `<table>` elements
  text,      ///< a table copied out of a web page: one cell per line, each ending in " |"
};

/// `rst`, `md` (or `markdown`), `html` or `text`; nothing for any other word.
std::optional<table_format> parse_format(std::string_view word) noexcept;

/// The format of `text`, from the file name's extension (.rst, .md, .html/.htm, .txt) or,
/// when that says nothing, from the content: `<table` → html, a grid border or a
/// list-table → rst, a pipe-table delimiter row under a header of as many cells →
/// markdown, else text. O(size of text).
table_format guess_format(std::string_view file, std::string_view text) noexcept;

/// A problem found while importing, at a file and line (1-based; 0 for the whole file).
struct diagnostic {
  std::string file;
  std::size_t line = 0;
  std::string text;
  bool error = true;  ///< false for a warning: the import went on
  /// "file:line: error: text" (or "warning:").
  [[nodiscard]] std::string str() const;
};

/// One documented error row: the model every reader produces.
struct row {
  std::optional<int> status;       ///< absent: no status column, or an empty or "N/A" cell
  std::vector<int> more_statuses;  ///< further statuses of a cell such as "400/404"
  std::string status_text;         ///< the status cell as written ("403 Forbidden")
  std::string code;
  std::string message;      ///< as the server sends it, markup removed
  std::string description;  ///< markup removed, multi-line text joined with single spaces
  std::string remediation;  ///< the Solution/Measure/Handling Measure column
  std::string name;         ///< snake_case, unique; set by assign_names()
  std::string retry;        ///< "never", "backoff" or "throttled"; set by infer_retry()
  std::string file;         ///< where the row is, for diagnostics
  std::size_t line = 0;
};

/// A table found in a file, with the fields its columns were read as.
struct table_info {
  std::string file;
  std::size_t line = 0;
  std::vector<std::string> headers;  ///< header texts, markup removed
  std::vector<std::string> fields;   ///< per column: status, code, message, ... or "" (unused)
  std::size_t rows = 0;              ///< rows imported from it
  bool used = false;                 ///< false: no code column, so no rows taken
};

/// What reading one or more files produced.
struct import_result {
  std::vector<row> rows;
  std::vector<table_info> tables;
  std::vector<diagnostic> diagnostics;
  /// True when no diagnostic is an error.
  [[nodiscard]] bool ok() const noexcept;
};

/// Reads every table in `text` (the contents of `file`, which only names it in
/// diagnostics) as `format`, or the guessed format when none is given. Columns are chosen
/// by header text; rows get names (assign_names without overrides) and a retry class.
/// A table without a code column is skipped with a warning naming its header line; input
/// that is not a table of the format (binary data, an empty file, rows whose cell count
/// differs from the header's, a cell running past the grid) is an error naming the file
/// and line. Never throws on any input except std::bad_alloc. O(size of text) time.
import_result read_tables(std::string_view file, std::string_view text,
                          std::optional<table_format> format = std::nullopt);

/// Moves `more`'s rows, tables and diagnostics to the end of `into`, then renames every row
/// of `into` so names stay unique across the merged files.
void merge(import_result& into, import_result&& more);

/// Names chosen by hand: a code ("IAM.0004") or status and code ("404 IAM.0004") mapped to a
/// name. An entry with a status wins over one without.
using name_overrides = std::map<std::string, std::string, std::less<>>;

/// Reads an overrides file: a JSON object of code or "STATUS CODE" keys to snake_case
/// names. Problems go to `diagnostics` (file named, entry quoted); returns nothing then.
std::optional<name_overrides> parse_name_overrides(std::string_view file, std::string_view text,
                                                   std::vector<diagnostic>& diagnostics);

/// Gives every row a unique snake_case name of at most 48 bytes: its override, or one made
/// from its description (from its message when the description is empty or generic).
/// Repeats are told apart by the code, then the status, then a counter, in row order, so
/// importing the same table again gives the same names. O(rows × name length).
void assign_names(std::vector<row>& rows, const name_overrides& overrides = {});

/// The retry class the wording and status imply: "throttled" for 429 or rate-limit words
/// (throttling, flow control, too many requests), "backoff" for 5xx or "try again later",
/// "retry later" and the like, else "never".
std::string infer_retry(const row& r);

/// The catalog-level fields and choices of write_catalog().
struct catalog_options {
  std::string service = "imported";
  std::string cpp_namespace;  ///< empty: "errcat::" + service
  std::string title;
  std::string source;
  std::optional<int> default_status;  ///< status written for rows whose table gives none
  /// The catalog's "errc_prefix" (whose PREFIX.DIGITS codes get readable errc values):
  /// unset, the prefix most such codes have when they have several; "" writes none.
  std::optional<std::string> errc_prefix;
  bool write_retry = true;  ///< write "retry" where it differs from the status'
};

/// A catalog JSON text and what writing it found.
struct written_catalog {
  std::string json;  ///< empty when no row could be written
  std::size_t entries = 0;
  std::vector<diagnostic> diagnostics;
};

/// Writes `rows` as catalog JSON in the format of data/errors.json. A row is written once
/// per status it lists; a row whose status is not an HTTP error status (400–599), or is
/// absent with no `default_status`, is left out with a warning naming its file and line.
/// Rows repeating an earlier row's status, code and message (one response documented
/// twice) become one entry whose description and remediation give both ("A. Or: B.").
/// Messages are written as documented, for errcat-gen's template parser to read; a "%" it
/// would reject ("%x") is doubled; positional placeholders get names in "params" (the word
/// before each, else "value"). O(total text size).
written_catalog write_catalog(const std::vector<row>& rows, const catalog_options& options);

}  // namespace errcat::gen::import
