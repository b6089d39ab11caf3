// From raw tables to rows of the model: columns chosen by their header text, statuses
// parsed, rows checked; and the entry point that picks the reader.
#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "import.hpp"
#include "tables.hpp"
#include "text.hpp"

namespace errcat::gen::import {

std::string diagnostic::str() const {
  std::string s = file;
  if (line > 0) s += ":" + std::to_string(line);
  if (!s.empty()) s += ": ";
  s += error ? "error: " : "warning: ";
  s += text;
  return s;
}

bool import_result::ok() const noexcept {
  return std::none_of(diagnostics.begin(), diagnostics.end(),
                      [](const diagnostic& d) { return d.error; });
}

std::optional<table_format> parse_format(std::string_view word) noexcept {
  if (word == "rst") return table_format::rst;
  if (word == "md" || word == "markdown") return table_format::markdown;
  if (word == "html") return table_format::html;
  if (word == "text") return table_format::text;
  return std::nullopt;
}

namespace {

using detail::raw_table;
using detail::trim;

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  return std::equal(
      suffix.begin(), suffix.end(), s.end() - static_cast<std::ptrdiff_t>(suffix.size()),
      [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
}

bool contains_ci(std::string_view s, std::string_view needle) {
  return std::search(s.begin(), s.end(), needle.begin(), needle.end(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == b;
         }) != s.end();
}

// The model field a header names: header text lowercased, inner spaces single, a trailing
// ":" dropped. Synonyms are those of the published tables (SOURCES.tsv's layouts).
std::string field_of(std::string_view header) {
  std::string h = text::lower(detail::collapse_spaces(header));
  while (!h.empty() && (h.back() == ':' || h.back() == '.'))
    h.pop_back();
  struct synonym {
    std::string_view header, field;
  };
  static constexpr std::array<synonym, 36> synonyms = {{
      {"status code", "status"},
      {"http status code", "status"},
      {"status codes", "status"},
      {"http status codes", "status"},
      {"response code", "status"},
      {"http status", "status"},
      {"status", "status"},
      {"http code", "status"},
      {"error code", "code"},
      {"error codes", "code"},
      {"code", "code"},
      {"error message", "message"},
      {"error information", "message"},
      {"message", "message"},
      {"error", "message"},
      {"error messages", "message"},
      {"error msg", "message"},
      {"error info", "message"},
      {"error text", "message"},
      {"description", "description"},
      {"error description", "description"},
      {"error code description", "description"},
      {"details", "description"},
      {"meaning", "description"},
      {"cause", "description"},
      {"solution", "remediation"},
      {"suggestion", "remediation"},
      {"resolution", "remediation"},
      {"action", "remediation"},
      {"how to fix", "remediation"},
      {"handling measure", "remediation"},
      {"measure", "remediation"},
      {"troubleshooting", "remediation"},
      {"handling measures", "remediation"},
      {"solutions", "remediation"},
      {"remediation", "remediation"},
  }};
  for (const synonym& s : synonyms)
    if (s.header == h) return std::string(s.field);
  return {};
}

// "404", "403 Forbidden", "400/404": the statuses; empty for "", "N/A", "-" or text.
std::vector<int> statuses_of(std::string_view cell) {
  std::vector<int> out;
  std::size_t i = 0;
  while (i < cell.size()) {
    if (std::isdigit(static_cast<unsigned char>(cell[i])) == 0) break;
    std::size_t j = i;
    int value = 0;
    while (j < cell.size() && std::isdigit(static_cast<unsigned char>(cell[j])) != 0 && j - i < 4)
      value = value * 10 + (cell[j++] - '0');
    if (j - i != 3) return {};
    out.push_back(value);
    i = j;
    while (i < cell.size() && (cell[i] == ' ' || cell[i] == ','))
      ++i;
    if (i < cell.size() && (cell[i] == '/' || cell[i] == ',')) ++i;
    while (i < cell.size() && cell[i] == ' ')
      ++i;
    if (i < cell.size() && std::isdigit(static_cast<unsigned char>(cell[i])) == 0) break;
  }
  return out;
}

// A code cell as the code: codes hold no spaces, and the pages wrap long ones across lines
// ("IncorrectNumberOfFilesInPost Request"), so spaces are removed, with a warning.
std::string code_of(std::string_view cell, std::size_t line, detail::reporter& report) {
  const std::string_view t = trim(cell);
  std::string code;
  for (char c : t)
    if (c != ' ' && c != '\t') code += c;
  if (code.size() != t.size()) {
    report.warning(line, "code \"" + std::string(t) +
                             "\" has spaces (a long code wrapped on the page); "
                             "read as \"" +
                             code + "\"");
  }
  return code;
}

// A code cell holding a sentence (ending in "." or of more than five words) is a note
// such as "Other: if other error codes cannot be rectified, ...", not a code.
bool is_sentence(std::string_view cell) {
  const std::string_view t = trim(cell);
  return t.ends_with(".") || std::count(t.begin(), t.end(), ' ') >= 5;
}

bool is_absent(std::string_view cell) {
  const std::string_view t = trim(cell);
  return t.empty() || t == "-" || t == "--" || t == "N/A" || t == "n/a" || t == "None" || t == "/";
}

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& x : v)
    s += (s.empty() ? "\"" : ", \"") + x + "\"";
  return s;
}

// The columns' fields; a field named twice is taken from its first column.
std::vector<std::string> map_columns(const raw_table& t, detail::reporter& report) {
  std::vector<std::string> fields;
  for (const std::string& h : t.header) {
    std::string f = field_of(h);
    if (!f.empty() && std::find(fields.begin(), fields.end(), f) != fields.end()) {
      report.warning(t.line, "column \"" + h + "\" is a second " + f + " column; it is not read");
      f.clear();
    }
    fields.push_back(std::move(f));
  }
  return fields;
}

void take_row(const raw_table& t, const detail::raw_row& rr, const std::vector<std::string>& fields,
              detail::reporter& report, import_result& out) {
  row r;
  r.file = std::string(report.file());
  r.line = rr.line;
  for (std::size_t c = 0; c < fields.size(); ++c) {
    const std::string& cell = rr.cells[c];
    if (fields[c] == "status") {
      r.status_text = cell;
      if (const auto s = statuses_of(cell); !s.empty()) {
        r.status = s.front();
        r.more_statuses.assign(s.begin() + 1, s.end());
      } else if (!is_absent(cell)) {
        report.warning(rr.line, "status \"" + cell + "\" is not an HTTP status; the row has none");
      }
    } else if (fields[c] == "code") {
      r.code = code_of(cell, rr.line, report);
    } else if (fields[c] == "message") {
      r.message = cell;
    } else if (fields[c] == "description") {
      r.description = cell;
    } else if (fields[c] == "remediation") {
      r.remediation = cell;
    }
  }
  (void)t;
  r.retry = infer_retry(r);
  out.rows.push_back(std::move(r));
}

void take_table(const raw_table& t, detail::reporter& report, import_result& out) {
  table_info info;
  info.file = std::string(report.file());
  info.line = t.line;
  info.headers = t.header;
  info.fields = map_columns(t, report);
  const auto code = std::find(info.fields.begin(), info.fields.end(), "code");
  info.used = code != info.fields.end();
  if (!info.used) {
    report.warning(t.line, "the table's header (" + join(t.header) +
                               ") has no error-code column, so its rows are not read");
    out.tables.push_back(std::move(info));
    return;
  }
  const auto code_column = static_cast<std::size_t>(code - info.fields.begin());
  for (const detail::raw_row& rr : t.rows) {
    if (rr.cells.size() != t.header.size()) {
      report.error(rr.line, "the row has " + std::to_string(rr.cells.size()) +
                                " cells but the table header (line " + std::to_string(t.line) +
                                ") has " + std::to_string(t.header.size()));
      continue;
    }
    if (std::all_of(rr.cells.begin(), rr.cells.end(),
                    [](const std::string& c) { return trim(c).empty(); }))
      continue;
    if (trim(rr.cells[code_column]).empty()) {
      report.warning(rr.line, "the row has no error code, so it is not read");
      continue;
    }
    if (is_sentence(rr.cells[code_column])) {
      report.warning(rr.line, "the code cell holds a sentence (\"" + rr.cells[code_column] +
                                  "\"), not a code, so the row is not read");
      continue;
    }
    take_row(t, rr, info.fields, report, out);
    ++info.rows;
  }
  out.tables.push_back(std::move(info));
}

// The first line with a NUL byte or a control character other than tab, CR, LF and FF.
std::optional<std::size_t> binary_line(std::string_view text) {
  std::size_t line = 1;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '\n') ++line;
    if (u == 0 || (u < 0x20 && c != '\t' && c != '\r' && c != '\n' && c != '\f') || u == 0x7f)
      return line;
  }
  return std::nullopt;
}

}  // namespace

table_format guess_format(std::string_view file, std::string_view text) noexcept {
  if (ends_with_ci(file, ".rst") || ends_with_ci(file, ".rest")) return table_format::rst;
  if (ends_with_ci(file, ".md") || ends_with_ci(file, ".markdown")) return table_format::markdown;
  if (ends_with_ci(file, ".html") || ends_with_ci(file, ".htm")) return table_format::html;
  if (ends_with_ci(file, ".txt")) return table_format::text;
  if (contains_ci(text, "<table")) return table_format::html;
  if (text.find("\n+--") != std::string_view::npos || text.starts_with("+--") ||
      text.find(".. list-table::") != std::string_view::npos) {
    return table_format::rst;
  }
  // A Markdown header line has as many cells as its delimiter row; the text dump's header
  // is one cell per line.
  const std::size_t delim = text.find("---");
  if (delim != std::string_view::npos) {
    const std::size_t start = text.rfind('\n', delim);
    const std::size_t line_start = start == std::string_view::npos ? 0 : start + 1;
    if (line_start > 0) {
      const std::size_t prev = text.rfind('\n', line_start - 2);
      const std::string_view header =
          text.substr(prev == std::string_view::npos ? 0 : prev + 1,
                      line_start - 1 - (prev == std::string_view::npos ? 0 : prev + 1));
      if (std::count(header.begin(), header.end(), '|') >= 2) return table_format::markdown;
    }
  }
  return table_format::text;
}

import_result read_tables(std::string_view file, std::string_view text,
                          std::optional<table_format> format) {
  import_result out;
  detail::reporter report(file, out.diagnostics);
  if (trim(text).empty()) {
    report.error(0, "the file is empty");
    return out;
  }
  if (const auto line = binary_line(text)) {
    report.error(*line, "the file holds binary data (a control byte), not a table");
    return out;
  }
  const table_format f = format.value_or(guess_format(file, text));
  std::vector<raw_table> tables;
  switch (f) {
    case table_format::rst:
      tables = detail::read_rst(text, report);
      break;
    case table_format::markdown:
      tables = detail::read_markdown(text, report);
      break;
    case table_format::html:
      tables = detail::read_html(text, report);
      break;
    case table_format::text:
      tables = detail::read_text(text, report);
      break;
  }
  if (tables.empty() && out.ok()) {
    static constexpr std::array<std::string_view, 4> names = {
        "reStructuredText grid table or list-table", "Markdown pipe table", "HTML <table>",
        "text table (a \"---|---|\" delimiter after one header line per column)"};
    report.error(0, "found no " + std::string(names[static_cast<std::size_t>(f)]));
  }
  for (const raw_table& t : tables)
    take_table(t, report, out);
  assign_names(out.rows);
  return out;
}

void merge(import_result& into, import_result&& more) {
  std::move(more.rows.begin(), more.rows.end(), std::back_inserter(into.rows));
  std::move(more.tables.begin(), more.tables.end(), std::back_inserter(into.tables));
  std::move(more.diagnostics.begin(), more.diagnostics.end(), std::back_inserter(into.diagnostics));
  assign_names(into.rows);
}

}  // namespace errcat::gen::import
