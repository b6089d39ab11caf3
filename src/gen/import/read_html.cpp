// HTML tables: every <table>'s rows (<tr>) and cells (<th>, <td>), tags removed and entities
// decoded. A table nested in a cell is read as that cell's text.
#include <algorithm>
#include <cctype>
#include <cstddef>
#include <string>

#include "tables.hpp"
#include "text.hpp"

namespace errcat::gen::import::detail {
namespace {

// A tag's lowercase name ("td", "/tr"), from s[i] == '<'; empty for a comment or text.
std::string tag_name(std::string_view s, std::size_t i) {
  std::string name;
  std::size_t j = i + 1;
  if (j < s.size() && s[j] == '/') name += s[j++];
  while (j < s.size() && std::isalnum(static_cast<unsigned char>(s[j])) != 0)
    name += text::ascii_lower(s[j++]);
  return name == "/" ? std::string() : name;
}

// The columns a <td ...> or <th ...> tag spans: its colspan attribute (1 to 100), else 1.
std::size_t colspan(std::string_view tag) {
  const std::string lower = text::lower(tag);
  const std::size_t at = lower.find("colspan");
  if (at == std::string::npos) return 1;
  std::size_t i = lower.find_first_of("0123456789", at);
  std::size_t n = 0;
  while (i < lower.size() && std::isdigit(static_cast<unsigned char>(lower[i])) != 0 && n <= 100)
    n = n * 10 + static_cast<std::size_t>(lower[i++] - '0');
  return n >= 1 && n <= 100 ? n : 1;
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

// The table being read (the outermost open one; nested tables are cell text).
class html_reader {
 public:
  html_reader(std::string_view text, reporter& report)
      : text_(text), lines_(text), report_(report) {}

  // Handles the tag `name` that starts at `at` and ends at `close` (its ">").
  void tag(const std::string& name, std::size_t at, std::size_t close) {
    if (name == "table") {
      if (++depth_ == 1) table_ = {};
    } else if (name == "/table" && depth_ > 0) {
      if (--depth_ == 0) end_table(at);
    } else if (depth_ == 1) {
      row_tag(name, at, close);
    }
  }

  std::vector<raw_table> finish() {
    if (depth_ > 0) report_.error(lines_.line_of(text_.size()), "a <table> is not closed");
    return std::move(tables_);
  }

 private:
  void row_tag(const std::string& name, std::size_t at, std::size_t close) {
    if (name == "tr" || ((name == "td" || name == "th") && !in_row_)) {
      end_row(at);
      in_row_ = true;
      header_row_ = true;
      row_.line = lines_.line_of(at);
    }
    if (name == "/tr") {
      end_row(at);
    } else if (name == "td" || name == "th") {
      end_cell(at);
      header_row_ = header_row_ && name == "th";
      in_cell_ = true;
      cell_start_ = close + 1;
      colspan_ = colspan(text_.substr(at, close - at));
    } else if (name == "/td" || name == "/th") {
      end_cell(at);
    }
  }
  void end_cell(std::size_t at) {
    if (!in_cell_) return;
    row_.cells.push_back(strip_html(text_.substr(cell_start_, at - cell_start_)));
    row_.cells.resize(row_.cells.size() + colspan_ - 1);  // a wide cell is read in its first column
    in_cell_ = false;
  }
  void end_row(std::size_t at) {
    end_cell(at);
    if (!in_row_) return;
    in_row_ = false;
    if (row_.cells.empty()) return;
    if (table_.header.empty() && (header_row_ || table_.rows.empty())) {
      table_.header = std::move(row_.cells);
      table_.line = row_.line;
    } else {
      table_.rows.push_back(std::move(row_));
    }
    row_ = {};
  }
  void end_table(std::size_t at) {
    end_row(at);
    if (table_.header.empty()) {
      report_.warning(lines_.line_of(at), "a <table> without rows");
    } else {
      tables_.push_back(std::move(table_));
    }
  }

  std::string_view text_;
  line_index lines_;
  reporter& report_;
  std::vector<raw_table> tables_;
  raw_table table_;
  raw_row row_;
  int depth_ = 0;  // tables open
  bool in_row_ = false;
  bool header_row_ = false;  // every cell of the row so far is a <th>
  bool in_cell_ = false;
  std::size_t cell_start_ = 0;
  std::size_t colspan_ = 1;
};

}  // namespace

std::vector<raw_table> read_html(std::string_view text, reporter& report) {
  html_reader reader(text, report);
  for (std::size_t i = text.find('<'); i != std::string_view::npos; i = text.find('<', i + 1)) {
    const bool comment = text.substr(i, 4) == "<!--";
    const std::size_t close = comment ? text.find("-->", i) : text.find('>', i);
    if (close == std::string_view::npos) break;
    if (!comment) reader.tag(tag_name(text, i), i, close);
    i = close;
  }
  return reader.finish();
}

}  // namespace errcat::gen::import::detail
