// reStructuredText tables: grid tables (with header separators, multi-line cells, cells
// spanning rows or columns) and `.. list-table::` directives.
#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>

#include "tables.hpp"

namespace errcat::gen::import::detail {
namespace {

// "+---+----+" from `indent` on: the positions of its "+" (relative to indent), or nothing.
std::optional<std::vector<std::size_t>> border_at(std::string_view line) {
  const std::string_view t = trim(line);
  if (t.size() < 3 || t.front() != '+' || t.back() != '+' || t[1] != '-') return std::nullopt;
  std::vector<std::size_t> bounds;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '+') {
      bounds.push_back(i);
    } else if (t[i] != '-') {
      return std::nullopt;
    }
  }
  if (bounds.size() < 2) return std::nullopt;
  return bounds;
}

// The grid being read: one open cell per column (shared by the columns a cell spans), and
// the rows closed so far as ids into `cells`.
class grid_reader {
 public:
  grid_reader(std::vector<std::size_t> bounds, std::size_t indent, std::size_t first_line,
              reporter& report)
      : bounds_(std::move(bounds)),
        indent_(indent),
        first_line_(first_line),
        report_(report),
        open_(bounds_.size() - 1, none) {}

  // Reads one line of the table; false (with an error reported) when it is malformed.
  // Grid positions count characters, not bytes, so text in UTF-8 lines up as written.
  bool line(std::string_view raw, std::size_t number) {
    std::string_view t = raw.size() > indent_ ? raw.substr(indent_) : std::string_view();
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t'))
      t.remove_suffix(1);
    offsets_.clear();
    for (std::size_t i = 0; i < t.size(); ++i)
      if ((static_cast<unsigned char>(t[i]) & 0xc0) != 0x80) offsets_.push_back(i);
    offsets_.push_back(t.size());
    const std::size_t chars = offsets_.size() - 1;
    const std::size_t width = bounds_.back() + 1;
    if (chars > width) {
      report_.error(number, "the text runs past the grid's right edge (column " +
                                std::to_string(indent_ + width) + ")");
      return false;
    }
    if (chars < width || (t.back() != '|' && t.back() != '+')) {
      report_.error(number, "the row ends before the grid's right edge (column " +
                                std::to_string(indent_ + width) + ")");
      return false;
    }
    return is_separator(t) ? separator(t, number) : data(t, number);
  }

  // The header and body rows, once the closing border was read.
  std::optional<raw_table> finish(std::size_t last_line) {
    if (std::any_of(open_.begin(), open_.end(), [](std::size_t id) { return id != none; })) {
      report_.error(last_line, "the table ends inside a row (the last border is missing)");
      return std::nullopt;
    }
    raw_table table;
    table.line = first_line_;
    const std::size_t header_rows = header_rows_.value_or(rows_.empty() ? 0 : 1);
    std::vector<std::string> text(cells_.size());
    for (std::size_t i = 0; i < cells_.size(); ++i)
      text[i] = rst_cell_text(cells_[i]);
    for (std::size_t r = 0; r < rows_.size(); ++r) {
      std::vector<std::string> cells;
      for (std::size_t c = 0; c < rows_[r].size(); ++c) {
        // A cell spanning columns is read in its first one.
        const bool repeat = c > 0 && rows_[r][c] == rows_[r][c - 1];
        cells.push_back(repeat ? std::string() : text[rows_[r][c]]);
      }
      if (r < header_rows) {
        if (table.header.empty())
          table.header = std::move(cells);
        else
          for (std::size_t c = 0; c < cells.size(); ++c)
            if (!cells[c].empty()) table.header[c] += " " + cells[c];
      } else {
        table.rows.push_back({row_lines_[r], std::move(cells)});
      }
    }
    return table;
  }

 private:
  static constexpr std::size_t none = static_cast<std::size_t>(-1);

  // The character at grid position `pos` of the current line.
  char at(std::string_view t, std::size_t pos) const { return t[offsets_[pos]]; }
  // The text between grid positions `from` and `to` (exclusive) of the current line.
  std::string_view span(std::string_view t, std::size_t from, std::size_t to) const {
    return t.substr(offsets_[from], offsets_[to] - offsets_[from]);
  }
  std::string_view segment(std::string_view t, std::size_t c) const {
    return span(t, bounds_[c] + 1, bounds_[c + 1]);
  }
  static bool is_rule(std::string_view seg) {
    return !seg.empty() &&
           (std::all_of(seg.begin(), seg.end(), [](char ch) { return ch == '-'; }) ||
            std::all_of(seg.begin(), seg.end(), [](char ch) { return ch == '='; }));
  }
  // A line with a rule between two "+" in some column closes the cells above it there.
  bool is_separator(std::string_view t) const {
    for (std::size_t c = 0; c + 1 < bounds_.size(); ++c) {
      if (at(t, bounds_[c]) == '+' && at(t, bounds_[c + 1]) == '+' && is_rule(segment(t, c)))
        return true;
    }
    return false;
  }

  bool separator(std::string_view t, std::size_t number) {
    std::vector<std::size_t> row(open_.size());
    bool closes = false;
    for (std::size_t c = 0; c < open_.size(); ++c) {
      const std::string_view seg = segment(t, c);
      if (is_rule(seg)) {
        if (seg.front() == '=') header_rows_ = rows_.size() + 1;
        closes = true;
      } else if (open_[c] != none) {
        cells_[open_[c]].emplace_back(seg);  // a cell spanning rows goes on
      } else {
        report_.error(number, "a row separator with text in column " + std::to_string(c + 1) +
                                  " where no cell is open");
        return false;
      }
      row[c] = open_[c];
    }
    if (!closes) return true;
    if (std::find(row.begin(), row.end(), none) != row.end()) {
      if (std::all_of(row.begin(), row.end(), [](std::size_t id) { return id == none; }) &&
          rows_.empty()) {
        return true;  // the top border
      }
      report_.error(number, "a row separator with no row above it");
      return false;
    }
    rows_.push_back(std::move(row));
    row_lines_.push_back(row_start_);
    for (std::size_t c = 0; c < open_.size(); ++c)
      if (is_rule(segment(t, c))) open_[c] = none;
    return true;
  }

  bool data(std::string_view t, std::size_t number) {
    if (t.front() != '|') {
      report_.error(number, "a table row must start with \"|\"");
      return false;
    }
    if (std::all_of(open_.begin(), open_.end(), [](std::size_t id) { return id == none; }))
      row_start_ = number;
    std::size_t c = 0;
    while (c < open_.size()) {
      std::size_t end = c + 1;  // a missing "|" joins the next column's space to this cell
      while (end < open_.size() && at(t, bounds_[end]) != '|')
        ++end;
      if (open_[c] == none) {
        open_[c] = cells_.size();
        cells_.emplace_back();
      }
      for (std::size_t k = c + 1; k < end; ++k) {
        if (open_[k] != none && open_[k] != open_[c]) {
          report_.error(number, "the text of column " + std::to_string(c + 1) +
                                    " runs across the grid line into column " +
                                    std::to_string(k + 1));
          return false;
        }
        open_[k] = open_[c];
      }
      cells_[open_[c]].emplace_back(span(t, bounds_[c] + 1, bounds_[end]));
      c = end;
    }
    return true;
  }

  std::vector<std::size_t> bounds_;
  std::size_t indent_;
  std::size_t first_line_;
  reporter& report_;
  std::vector<std::size_t> offsets_;  // byte offset of each character of the current line
  std::vector<std::size_t> open_;     // per column: the open cell, or none
  std::vector<std::vector<std::string>> cells_;  // every cell's lines
  std::vector<std::vector<std::size_t>> rows_;   // closed rows: a cell id per column
  std::vector<std::size_t> row_lines_;
  std::size_t row_start_ = 0;
  std::optional<std::size_t> header_rows_;
};

// Reads the grid table whose top border is lines[i]; returns the index after it.
std::size_t read_grid(const std::vector<std::string_view>& lines, std::size_t i,
                      std::vector<std::size_t> bounds, reporter& report,
                      std::vector<raw_table>& out) {
  const std::size_t indent = lines[i].find('+');
  grid_reader grid(std::move(bounds), indent, i + 1, report);
  std::size_t j = i;
  bool ok = true;
  for (; j < lines.size(); ++j) {
    const std::string_view l = lines[j];
    if (l.size() <= indent || (l[indent] != '+' && l[indent] != '|') ||
        trim(l.substr(0, indent)).size() != 0) {
      break;
    }
    if (ok) ok = grid.line(l, j + 1);
  }
  if (ok) {
    if (auto table = grid.finish(j)) out.push_back(std::move(*table));
  }
  return j;
}

std::size_t indent_of(std::string_view l) {
  const std::size_t n = l.find_first_not_of(" \t");
  return n == std::string_view::npos ? l.size() : n;
}

// A list-table's items as written: rows of cells of lines, and its options.
struct list_items {
  std::vector<std::vector<std::vector<std::string>>> rows;  // rows → cells → lines
  std::vector<std::size_t> row_lines;
  std::size_t header_rows = 1;
  std::size_t cell_indent = 0;

  // Takes one non-blank content line; false when it is not part of a list of rows.
  bool line(std::string_view l, std::size_t number) {
    const std::size_t ind = indent_of(l);
    const std::string_view t = trim(l);
    if (rows.empty() && t.starts_with(":")) {  // an option
      if (t.starts_with(":header-rows:")) {
        const std::string_view v = trim(t.substr(13));
        header_rows =
            v.size() == 1 && v[0] >= '0' && v[0] <= '9' ? static_cast<std::size_t>(v[0] - '0') : 1;
      }
    } else if (t.starts_with("* - ") || t == "* -") {
      rows.emplace_back();
      row_lines.push_back(number);
      rows.back().push_back({std::string(trim(t.substr(3)))});
      cell_indent = ind + 2;
    } else if (!rows.empty() && ind == cell_indent && (t.starts_with("- ") || t == "-")) {
      rows.back().push_back({std::string(trim(t.substr(1)))});
    } else if (!rows.empty()) {
      rows.back().back().emplace_back(t);
    } else {
      return false;
    }
    return true;
  }

  // The table: its header rows joined per column, then the body rows.
  raw_table table(std::size_t line) const {
    raw_table table;
    table.line = line;
    for (std::size_t r = 0; r < rows.size(); ++r) {
      std::vector<std::string> cells;
      for (const auto& cell : rows[r])
        cells.push_back(rst_cell_text(cell));
      if (r == 0 && header_rows <= 1) {
        table.header = std::move(cells);
      } else if (r < header_rows) {
        if (table.header.empty()) table.header.resize(cells.size());
        for (std::size_t c = 0; c < std::min(cells.size(), table.header.size()); ++c)
          if (!cells[c].empty()) table.header[c] += (table.header[c].empty() ? "" : " ") + cells[c];
      } else {
        table.rows.push_back({row_lines[r], std::move(cells)});
      }
    }
    return table;
  }
};

// Reads the `.. list-table::` directive at lines[i]; returns the index after its content.
std::size_t read_list_table(const std::vector<std::string_view>& lines, std::size_t i,
                            reporter& report, std::vector<raw_table>& out) {
  const std::size_t base = indent_of(lines[i]);
  list_items items;
  std::size_t j = i + 1;
  for (; j < lines.size(); ++j) {
    if (trim(lines[j]).empty()) continue;
    if (indent_of(lines[j]) <= base) break;
    if (!items.line(lines[j], j + 1)) {
      report.error(j + 1, "a list-table's content must be a list of rows (\"* - cell\")");
      return j + 1;
    }
  }
  if (items.rows.empty()) {
    report.warning(i + 1, "the list-table has no rows");
  } else {
    out.push_back(items.table(i + 1));
  }
  return j;
}

}  // namespace

std::vector<raw_table> read_rst(std::string_view text, reporter& report) {
  const std::vector<std::string_view> lines = split_lines(text);
  std::vector<raw_table> tables;
  std::size_t i = 0;
  while (i < lines.size()) {
    const std::string_view t = trim(lines[i]);
    if (auto bounds = border_at(lines[i])) {
      i = read_grid(lines, i, std::move(*bounds), report, tables);
    } else if (t.starts_with(".. list-table::")) {
      i = read_list_table(lines, i, report, tables);
    } else {
      ++i;
    }
  }
  return tables;
}

}  // namespace errcat::gen::import::detail
