// HTML tables: every <table>'s rows (<tr>) and cells (<th>, <td>), tags removed and entities
// decoded. A table nested in a cell is read as that cell's text.
#include <algorithm>
#include <cctype>
#include <cstddef>
#include <string>

#include "tables.hpp"

namespace errcat::gen::import::detail {
namespace {

// A tag's lowercase name ("td", "/tr"), from s[i] == '<'; empty for a comment or text.
std::string tag_name(std::string_view s, std::size_t i) {
  std::string name;
  std::size_t j = i + 1;
  if (j < s.size() && s[j] == '/') name += s[j++];
  while (j < s.size() && std::isalnum(static_cast<unsigned char>(s[j])) != 0)
    name += static_cast<char>(std::tolower(static_cast<unsigned char>(s[j++])));
  return name == "/" ? std::string() : name;
}

// Line numbers of offsets, by the offsets where lines start.
class line_index {
 public:
  explicit line_index(std::string_view s) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < s.size(); ++i)
      if (s[i] == '\n') starts_.push_back(i + 1);
  }
  [[nodiscard]] std::size_t line_of(std::size_t offset) const {
    return static_cast<std::size_t>(std::upper_bound(starts_.begin(), starts_.end(), offset) -
                                    starts_.begin());
  }

 private:
  std::vector<std::size_t> starts_;
};

struct html_table_builder {
  raw_table table;
  raw_row row;
  bool in_row = false;
  bool header_row = false;  // every cell of the row so far is a <th>
  bool in_cell = false;
  std::size_t cell_start = 0;

  void end_cell(std::string_view s, std::size_t at) {
    if (!in_cell) return;
    row.cells.push_back(strip_html(s.substr(cell_start, at - cell_start)));
    in_cell = false;
  }
  void end_row(std::string_view s, std::size_t at) {
    end_cell(s, at);
    if (!in_row) return;
    in_row = false;
    if (row.cells.empty()) return;
    if (table.header.empty() && (header_row || table.rows.empty())) {
      table.header = std::move(row.cells);
      table.line = row.line;
    } else {
      table.rows.push_back(std::move(row));
    }
    row = {};
  }
};

}  // namespace

std::vector<raw_table> read_html(std::string_view text, reporter& report) {
  const line_index lines(text);
  std::vector<raw_table> tables;
  html_table_builder b;
  int depth = 0;  // tables open
  for (std::size_t i = text.find('<'); i != std::string_view::npos; i = text.find('<', i + 1)) {
    if (text.substr(i, 4) == "<!--") {
      const std::size_t end = text.find("-->", i);
      if (end == std::string_view::npos) break;
      i = end;
      continue;
    }
    const std::string name = tag_name(text, i);
    const std::size_t close = text.find('>', i);
    if (close == std::string_view::npos) break;
    if (name == "table") {
      if (++depth == 1) b = {};
    } else if (name == "/table" && depth > 0) {
      if (--depth == 0) {
        b.end_row(text, i);
        if (b.table.header.empty()) {
          report.warning(lines.line_of(i), "a <table> without rows");
        } else {
          tables.push_back(std::move(b.table));
        }
      }
    } else if (depth != 1) {
      // outside tables, or inside a nested one: text
    } else if (name == "tr") {
      b.end_row(text, i);
      b.in_row = true;
      b.header_row = true;
      b.row.line = lines.line_of(i);
    } else if (name == "/tr") {
      b.end_row(text, i);
    } else if (name == "td" || name == "th") {
      b.end_cell(text, i);
      if (!b.in_row) {
        b.in_row = true;
        b.header_row = true;
        b.row.line = lines.line_of(i);
      }
      b.header_row = b.header_row && name == "th";
      b.in_cell = true;
      b.cell_start = close + 1;
    } else if (name == "/td" || name == "/th") {
      b.end_cell(text, i);
    }
    i = close;
  }
  if (depth > 0) report.error(lines.line_of(text.size()), "a <table> is not closed");
  return tables;
}

}  // namespace errcat::gen::import::detail
