// Markdown pipe tables and the plain-text dump of a web page's table (one cell per line,
// each ending in " |", as the IAM seed is).
#include <algorithm>
#include <cstddef>
#include <string>

#include "tables.hpp"

namespace errcat::gen::import::detail {
namespace {

// The cells of a pipe-table line: split at "|" not escaped by a backslash, the outer pipes
// dropped. Cells keep their markup.
std::vector<std::string_view> pipe_cells(std::string_view line) {
  std::string_view t = trim(line);
  if (t.starts_with("|")) t.remove_prefix(1);
  if (t.ends_with("|") && !t.ends_with("\\|")) t.remove_suffix(1);
  std::vector<std::string_view> cells;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= t.size(); ++i) {
    if (i < t.size() && t[i] == '\\') {
      ++i;
    } else if (i == t.size() || t[i] == '|') {
      cells.push_back(trim(t.substr(start, i - start)));
      start = i + 1;
    }
  }
  return cells;
}

// "---", ":--", "--:" or ":-:" in every cell.
bool is_delimiter_row(std::string_view line) {
  if (line.find('-') == std::string_view::npos) return false;
  const std::string_view t = trim(line);
  if (t.find('|') == std::string_view::npos) return false;
  for (std::string_view c : pipe_cells(t)) {
    if (c.starts_with(":")) c.remove_prefix(1);
    if (c.ends_with(":")) c.remove_suffix(1);
    if (c.empty() || !std::all_of(c.begin(), c.end(), [](char ch) { return ch == '-'; }))
      return false;
  }
  return true;
}

std::size_t count_pipe_cells(std::string_view line) {
  return pipe_cells(line).size();
}

}  // namespace

std::vector<raw_table> read_markdown(std::string_view text, reporter& report) {
  const std::vector<std::string_view> lines = split_lines(text);
  std::vector<raw_table> tables;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    if (!is_delimiter_row(lines[i]) || lines[i - 1].find('|') == std::string_view::npos) continue;
    const std::size_t columns = count_pipe_cells(lines[i]);
    if (count_pipe_cells(lines[i - 1]) != columns) {
      report.error(i, "the table header has " + std::to_string(count_pipe_cells(lines[i - 1])) +
                          " cells but its delimiter row has " + std::to_string(columns));
      continue;
    }
    raw_table table;
    table.line = i;
    for (std::string_view c : pipe_cells(lines[i - 1]))
      table.header.push_back(strip_markdown_inline(c));
    std::size_t j = i + 1;
    bool ok = true;
    for (; j < lines.size() && lines[j].find('|') != std::string_view::npos &&
           !trim(lines[j]).empty();
         ++j) {
      const auto cells = pipe_cells(lines[j]);
      if (cells.size() != columns) {
        report.error(j + 1, "the row has " + std::to_string(cells.size()) +
                                " cells but the table header (line " + std::to_string(i) +
                                ") has " + std::to_string(columns));
        ok = false;
        continue;
      }
      raw_row row{j + 1, {}};
      for (std::string_view c : cells)
        row.cells.push_back(strip_markdown_inline(c));
      table.rows.push_back(std::move(row));
    }
    if (ok) tables.push_back(std::move(table));
    i = j;
  }
  return tables;
}

namespace {

// "---|---|---|" (each cell three or more dashes and a pipe): its cell count, or 0.
std::size_t text_delimiter_cells(std::string_view line) {
  const std::string_view t = trim(line);
  std::size_t cells = 0;
  std::size_t dashes = 0;
  for (char c : t) {
    if (c == '-') {
      ++dashes;
    } else if (c == '|' && dashes >= 3) {
      ++cells;
      dashes = 0;
    } else {
      return 0;
    }
  }
  return dashes == 0 ? cells : 0;
}

bool ends_cell(std::string_view line) {
  return line.ends_with(" |") || line == "|";
}

// The cell's text exactly as the page shows it: the line without its " |".
std::string cell_of(std::string_view line) {
  return std::string(line.size() >= 2 ? line.substr(0, line.size() - 2) : std::string_view());
}

// Reads the body of a text table whose delimiter row is lines[i]; returns the index of the
// first line after it.
std::size_t read_text_body(const std::vector<std::string_view>& lines, std::size_t i,
                           std::size_t columns, raw_table& table, reporter& report) {
  raw_row row;
  std::string cell;  // a cell's lines so far, when it spans several
  std::size_t j = i + 1;
  for (; j < lines.size(); ++j) {
    const std::string_view l = lines[j];
    const bool row_start = row.cells.empty() && cell.empty();
    if (row_start && !ends_cell(l)) break;  // after the last row
    if (row_start) row.line = j + 1;
    if (!ends_cell(l)) {
      cell += (cell.empty() ? "" : " ") + collapse_spaces(l);
      continue;
    }
    const std::string last = cell_of(l);
    row.cells.push_back(cell.empty() ? last : cell + (last.empty() ? "" : " " + last));
    cell.clear();
    if (row.cells.size() == columns) {
      table.rows.push_back(std::move(row));
      row = {};
    }
  }
  if (!row.cells.empty() || !cell.empty()) {
    report.error(row.line, "the last row has " + std::to_string(row.cells.size()) +
                               " cells but the table header (line " + std::to_string(table.line) +
                               ") has " + std::to_string(columns));
  }
  return j;
}

}  // namespace

std::vector<raw_table> read_text(std::string_view text, reporter& report) {
  const std::vector<std::string_view> lines = split_lines(text);
  std::vector<raw_table> tables;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::size_t columns = text_delimiter_cells(lines[i]);
    if (columns == 0) continue;
    if (i < columns || !std::all_of(lines.begin() + static_cast<std::ptrdiff_t>(i - columns),
                                    lines.begin() + static_cast<std::ptrdiff_t>(i), ends_cell)) {
      report.error(i + 1, "a delimiter row of " + std::to_string(columns) +
                              " cells must follow as many header lines, each ending in \" |\"");
      continue;
    }
    raw_table table;
    table.line = i + 1 - columns;
    for (std::size_t k = i - columns; k < i; ++k)
      table.header.push_back(cell_of(lines[k]));
    i = read_text_body(lines, i, columns, table, report);
    tables.push_back(std::move(table));
  }
  return tables;
}

}  // namespace errcat::gen::import::detail
