// The readers' shared shapes: each reader turns a file into raw tables of cleaned cell
// text; read_tables.cpp then maps header texts to the model's fields.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "import.hpp"

namespace errcat::gen::import::detail {

/// A table row: its first line and the cleaned text of each cell.
struct raw_row {
  std::size_t line = 0;
  std::vector<std::string> cells;
};

/// A table as read: the line its header starts on, the header cells and the body rows.
struct raw_table {
  std::size_t line = 0;
  std::vector<std::string> header;
  std::vector<raw_row> rows;
};

/// Where diagnostics of one file go.
class reporter {
 public:
  reporter(std::string_view file, std::vector<diagnostic>& out) : file_(file), out_(&out) {}
  void error(std::size_t line, std::string text) { add(line, std::move(text), true); }
  void warning(std::size_t line, std::string text) { add(line, std::move(text), false); }
  [[nodiscard]] std::string_view file() const noexcept { return file_; }

 private:
  void add(std::size_t line, std::string text, bool error) {
    out_->push_back({std::string(file_), line, std::move(text), error});
  }
  std::string_view file_;
  std::vector<diagnostic>* out_;
};

/// The lines of `text` without their "\n" (and "\r"); line i is number i + 1.
std::vector<std::string_view> split_lines(std::string_view text);

/// `s` without leading and trailing spaces, tabs and carriage returns.
std::string_view trim(std::string_view s) noexcept;

/// Runs of whitespace as single spaces, none at the ends.
std::string collapse_spaces(std::string_view s);

/// The text of a reStructuredText cell given as its lines: directive markers
/// (`.. note::`) and list markers dropped so their content reads as plain sentences, lines
/// joined with single spaces, inline markup removed (strip_rst_inline).
std::string rst_cell_text(const std::vector<std::string>& lines);

/// `**bold**`, `*italic*`, ``literal``, `interpreted`, :role:`text` and links
/// (`text <url>`__, `text`_) as their plain text; backslash escapes resolved.
std::string strip_rst_inline(std::string_view s);

/// `**bold**`, `*italic*`/`_italic_`, `code` and [text](url) links as plain text, "\|"
/// as "|", "<br>" as a space.
std::string strip_markdown_inline(std::string_view s);

/// Tags removed (a `<br>` or block tag becomes a space), entities decoded, whitespace
/// collapsed.
std::string strip_html(std::string_view s);

// Each reader returns every table of its format in `text`, in order, with cleaned cells,
// and reports what it cannot read (a malformed table is left out). O(size of text).

/// Grid tables (header rows above a "+===+" line; without one, the first row) and
/// `.. list-table::` directives (`:header-rows:` rows, at least one, are the header).
std::vector<raw_table> read_rst(std::string_view text, reporter& report);
/// Pipe tables: a header line, a delimiter row of as many cells, then rows up to a line
/// without "|".
std::vector<raw_table> read_markdown(std::string_view text, reporter& report);
/// `<table>`s: the first row (or a row of `<th>` cells) is the header.
std::vector<raw_table> read_html(std::string_view text, reporter& report);
/// A "---|---|" delimiter line after one header line per column, each ending in " |";
/// then one cell per line (a cell's line may continue on lines without " |").
std::vector<raw_table> read_text(std::string_view text, reporter& report);

}  // namespace errcat::gen::import::detail
