// Terminal output: colour, width, wrapping, tables and escaping of untrusted text.
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <numeric>

#include "cli.hpp"

namespace errcat::cli {

namespace {

constexpr std::string_view ellipsis = "\u2026";

std::string_view sgr(style s) noexcept {
  switch (s) {
    case style::bold:
      return "\x1b[1m";
    case style::dim:
      return "\x1b[2m";
    case style::red:
      return "\x1b[31m";
    case style::yellow:
      return "\x1b[33m";
    case style::green:
      return "\x1b[32m";
    case style::cyan:
      return "\x1b[36m";
  }
  return "";
}

using text::utf8_sequence;

// Skips an ANSI escape sequence starting at `i` (ESC [ ... final byte); returns its end.
std::size_t skip_escape(std::string_view s, std::size_t i) noexcept {
  std::size_t k = i + 2;
  while (k < s.size() && (static_cast<unsigned char>(s[k]) < 0x40 || s[k] > 0x7e))
    ++k;
  return std::min(k + 1, s.size());
}

// Bytes taken by the first `n` code points of `s`.
std::size_t prefix_bytes(std::string_view s, std::size_t n) noexcept {
  std::size_t i = 0;
  for (std::size_t k = 0; k < n && i < s.size(); ++k)
    i += std::max<std::size_t>(utf8_sequence(s, i), 1);
  return i;
}

void pad(std::ostream& out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i)
    out.put(' ');
}

}  // namespace

std::string terminal::paint(style s, std::string_view text) const {
  if (!colour || text.empty()) return std::string(text);
  std::string r(sgr(s));
  r += text;
  r += "\x1b[0m";
  return r;
}

bool colour_enabled(std::string_view when) noexcept {
  const char* no_colour = std::getenv("NO_COLOR");
  if (no_colour != nullptr && *no_colour != '\0') return false;
  if (when == "always") return true;
  if (when == "never") return false;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string_view(term) == "dumb") return false;
  return ::isatty(STDOUT_FILENO) == 1;
}

std::size_t terminal_width() noexcept {
  if (const char* columns = std::getenv("COLUMNS"); columns != nullptr) {
    const std::string_view text(columns);
    std::size_t n = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec == std::errc() && end == text.data() + text.size() && n > 0 && n < 10000) return n;
  }
  winsize ws{};
  if (::isatty(STDOUT_FILENO) == 1 && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
      ws.ws_col > 0) {
    return ws.ws_col;
  }
  return 80;
}

std::size_t display_width(std::string_view text) noexcept {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '\x1b' && i + 1 < text.size() && text[i + 1] == '[') {
      i = skip_escape(text, i);
      continue;
    }
    const std::size_t len = utf8_sequence(text, i);
    i += len == 0 ? 1 : len;
    ++n;
  }
  return n;
}

std::string truncate(std::string_view text, std::size_t width) {
  if (display_width(text) <= width) return std::string(text);
  if (width == 0) return {};
  std::string r(text.substr(0, prefix_bytes(text, width - 1)));
  r += ellipsis;
  return r;
}

void write_wrapped(std::ostream& out, const terminal& t, std::string_view label,
                   std::string_view text, std::size_t indent) {
  out << label;
  pad(out, indent > display_width(label) ? indent - display_width(label) : 1);
  // Narrow terminals still get a readable column rather than one word per line.
  const std::size_t room = t.width > indent + 20 ? t.width - indent : 20;
  std::size_t used = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t stop = text.find(' ', i);
    if (stop == std::string_view::npos) stop = text.size();
    std::string_view word = text.substr(i, stop - i);
    i = stop + 1;
    if (word.empty()) continue;
    if (used > 0 && used + 1 + display_width(word) > room) {
      out << '\n';
      pad(out, indent);
      used = 0;
    } else if (used > 0) {
      out << ' ';
      ++used;
    }
    // A word wider than the whole column (a URL, an escaped binary body) is cut into
    // column-wide pieces rather than run past the edge.
    while (display_width(word) > room - used) {
      const std::size_t bytes = prefix_bytes(word, room - used);
      out << word.substr(0, bytes) << '\n';
      pad(out, indent);
      used = 0;
      word.remove_prefix(bytes);
    }
    out << word;
    used += display_width(word);
  }
  out << '\n';
}

namespace {

constexpr std::size_t column_gap = 2;

// Each column's width with nothing cut: its widest cell, header included.
std::vector<std::size_t> natural_widths(const table& tab) {
  std::vector<std::size_t> width(tab.header.size(), 0);
  for (std::size_t c = 0; c < width.size(); ++c)
    width[c] = display_width(tab.header[c]);
  for (const auto& row : tab.rows) {
    for (std::size_t c = 0; c < width.size() && c < row.size(); ++c)
      width[c] = std::max(width[c], display_width(row[c]));
  }
  return width;
}

// The column that gives way next: the widest that may still shrink, the last column (the
// message, the text people read) counting half so it keeps more; `width.size()` if none.
std::size_t next_to_shrink(const std::vector<std::size_t>& width, const std::vector<bool>& fixed) {
  constexpr std::size_t min_width = 6;
  const std::size_t columns = width.size();
  const auto weight = [&](std::size_t c) { return c + 1 == columns ? width[c] : 2 * width[c]; };
  std::size_t widest = columns;
  for (std::size_t c = 0; c < columns; ++c) {
    const bool may_shrink = (c >= fixed.size() || !fixed[c]) && width[c] > min_width;
    if (may_shrink && (widest == columns || weight(c) >= weight(widest))) widest = c;
  }
  return widest;
}

// Shrinks `width` one column at a time until the row fits `limit` columns, so long names
// and long messages share what is left rather than one of them taking it all.
void fit_widths(std::vector<std::size_t>& width, const std::vector<bool>& fixed,
                std::size_t limit) {
  const std::size_t gaps = width.empty() ? 0 : column_gap * (width.size() - 1);
  std::size_t total = std::accumulate(width.begin(), width.end(), gaps);
  while (total > limit) {
    const std::size_t c = next_to_shrink(width, fixed);
    if (c == width.size()) break;
    --width[c];
    --total;
  }
}

void write_row(std::ostream& out, const terminal& t, const std::vector<std::string>& row,
               const std::vector<std::size_t>& width, bool is_header) {
  std::string line;
  for (std::size_t c = 0; c < width.size(); ++c) {
    const std::string cell = truncate(c < row.size() ? row[c] : std::string(), width[c]);
    line += is_header ? t.paint(style::bold, cell) : cell;
    if (c + 1 < width.size()) line.append(width[c] - display_width(cell) + column_gap, ' ');
  }
  while (!line.empty() && line.back() == ' ')
    line.pop_back();
  out << line << '\n';
}

}  // namespace

void table::write(std::ostream& out, const terminal& t) const {
  std::vector<std::size_t> width = natural_widths(*this);
  fit_widths(width, fixed, t.width);
  write_row(out, t, header, width, true);
  for (const auto& row : rows)
    write_row(out, t, row, width, false);
}

std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string r = "\"";
  for (char c : s) {
    if (c == '"') r += '"';
    r += c;
  }
  r += '"';
  return r;
}

std::optional<std::string> read_input(const std::string& path, std::size_t limit,
                                      std::string& why) {
  std::FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    why = path + ": cannot open the file: " + std::strerror(errno);
    return std::nullopt;
  }
  std::string text;
  char buf[65536];
  bool too_big = false;
  while (true) {
    const std::size_t n = std::fread(buf, 1, sizeof buf, f);
    if (n == 0) break;
    if (text.size() + n > limit) {
      too_big = true;
      break;
    }
    text.append(buf, n);
  }
  const int read_errno = errno;
  const bool failed = std::ferror(f) != 0;
  if (f != stdin) std::fclose(f);
  const std::string name = path == "-" ? std::string("standard input") : path;
  if (too_big) {
    why = name + ": larger than " + std::to_string(limit / (1024 * 1024)) + " MiB";
    return std::nullopt;
  }
  if (failed) {
    why = name + ": cannot read it: " + std::strerror(read_errno);
    return std::nullopt;
  }
  return text;
}

}  // namespace errcat::cli
