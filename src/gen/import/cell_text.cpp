// Cell text: lines joined with single spaces and markup removed, so that what remains is
// the text a reader of the published page sees (and, for messages, what servers send).
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <optional>
#include <string>

#include "tables.hpp"
#include "text.hpp"

namespace errcat::gen::import::detail {
namespace {

bool is_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// Docutils' inline markup recognition rules, reduced to ASCII: a start-string follows the
// start of text, whitespace or an opening punctuation character; an end-string is followed
// by the end of text, whitespace or a closing punctuation character.
bool may_open_after(char prev) noexcept {
  return is_space(prev) || std::string_view("'\"([{<-/:").find(prev) != std::string_view::npos;
}
bool may_close_before(char next) noexcept {
  return is_space(next) ||
         std::string_view("'\")]}>-/:.,;!?\\").find(next) != std::string_view::npos;
}

// Where the end-string `delim` of markup opened just before `from` is, or npos. Inside
// ``literals`` a backslash is an ordinary character; elsewhere it escapes the next one.
std::size_t find_close(std::string_view s, std::size_t from, std::string_view delim, bool literal) {
  for (std::size_t i = from; i + delim.size() <= s.size(); ++i) {
    if (!literal && s[i] == '\\') {
      ++i;
      continue;
    }
    if (s.compare(i, delim.size(), delim) != 0 || i == from || is_space(s[i - 1])) continue;
    std::size_t after = i + delim.size();
    while (delim == "`" && after < s.size() && s[after] == '_')
      ++after;  // `link`_ and `link`__
    if (after < s.size() && !may_close_before(s[after])) continue;
    // "**" must not be taken for the end of a "*" run.
    if (delim == "*" && after < s.size() && s[after] == '*') continue;
    return i;
  }
  return std::string_view::npos;
}

// Backslash escapes resolved: "\x" is x, "\ " (which only separates markup from a word)
// is nothing.
std::string unescape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      ++i;
      if (!is_space(s[i])) out += s[i];
    } else {
      out += s[i];
    }
  }
  return out;
}

// `text <url>`_ or `text <label>` (inside :ref:) is shown as its text.
std::string_view link_text(std::string_view inside) {
  if (!inside.empty() && inside.back() == '>') {
    if (const std::size_t open = inside.rfind('<');
        open != std::string_view::npos && open > 0 && is_space(inside[open - 1])) {
      return trim(inside.substr(0, open));
    }
  }
  return inside;
}

// At `i`, a role prefix ":name:" directly followed by a backquote: its length, or 0.
std::size_t role_prefix(std::string_view s, std::size_t i) {
  if (s[i] != ':' || (i > 0 && !may_open_after(s[i - 1]))) return 0;
  std::size_t j = i + 1;
  while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) != 0 || s[j] == '-' ||
                          s[j] == '_' || s[j] == '.'))
    ++j;
  return j > i + 1 && j + 1 < s.size() && s[j] == ':' && s[j + 1] == '`' ? j + 1 - i : 0;
}

struct markup {
  std::string_view open, close;
  bool literal;
};

// The markup that opens at s[i] (after any role prefix), if any.
constexpr std::array<markup, 4> markup_kinds = {
    {{"``", "``", true}, {"**", "**", false}, {"*", "*", false}, {"`", "`", false}}};

const markup* markup_at(std::string_view s, std::size_t i) {
  for (const markup& m : markup_kinds) {
    if (s.compare(i, m.open.size(), m.open) != 0) continue;
    const std::size_t after = i + m.open.size();
    if (after >= s.size() || is_space(s[after])) return nullptr;
    return &m;
  }
  return nullptr;
}

}  // namespace

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && is_space(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && is_space(s.back()))
    s.remove_suffix(1);
  return s;
}

std::string collapse_spaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (is_space(c)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string strip_rst_inline(std::string_view s) {
  std::string out;
  std::size_t plain = 0;  // start of the text not yet copied
  auto copy_plain = [&](std::size_t upto) { out += unescape(s.substr(plain, upto - plain)); };
  // Per kind of markup, a position from which no end-string follows: a search that failed
  // once fails from any later start too, so text full of unmatched "*" stays linear.
  std::array<std::size_t, markup_kinds.size()> no_close_from;
  no_close_from.fill(std::string_view::npos);
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
      continue;
    }
    if (i > 0 && !may_open_after(s[i - 1]) && s[i] != ':') continue;
    const std::size_t role = role_prefix(s, i);
    const markup* m = markup_at(s, i + role);
    if (m == nullptr) continue;
    const std::size_t inner = i + role + m->open.size();
    std::size_t& known_open = no_close_from[static_cast<std::size_t>(m - markup_kinds.data())];
    if (inner >= known_open) continue;
    const std::size_t close = find_close(s, inner, m->close, m->literal);
    if (close == std::string_view::npos) {
      known_open = inner;
      continue;
    }
    copy_plain(i);
    std::string_view content = s.substr(inner, close - inner);
    std::size_t end = close + m->close.size();
    if (m->open == "`") {
      while (end < s.size() && s[end] == '_')
        ++end;  // `text <url>`__ is a link
      content = link_text(content);
    }
    out += m->literal ? std::string(content) : unescape(content);
    plain = end;
    i = end - 1;
  }
  copy_plain(s.size());
  return out;
}

std::string rst_cell_text(const std::vector<std::string>& lines) {
  std::string joined;
  int enumerated = 0;
  for (const std::string& raw : lines) {
    std::string_view line = trim(raw);
    if (line.empty()) continue;
    if (line.starts_with(".. ") && line.find("::") != std::string_view::npos) {
      line = trim(line.substr(line.find("::") + 2));  // ".. note::" and its kin: keep content
    } else if (line.starts_with("#. ")) {
      line = trim(line.substr(3));
      const std::string number = std::to_string(++enumerated) + ". ";
      joined += joined.empty() ? "" : " ";
      joined += number;
      joined += line;
      continue;
    } else if (line.size() >= 2 && (line[0] == '-' || line[0] == '*' || line[0] == '|') &&
               line[1] == ' ') {
      line = trim(line.substr(2));  // bullets and line blocks
    }
    if (line.empty()) continue;
    if (!joined.empty()) joined += ' ';
    joined += line;
  }
  return strip_rst_inline(joined);
}

namespace {

// Markdown markup starting at s[i], as its plain text (appended to `out`); returns the
// characters it took, 0 when none starts there.
// Where searches for a closing delimiter already failed: a search that failed from one
// position fails from any later one, so text full of unmatched "`" or "*" stays linear.
struct markdown_misses {
  std::array<std::size_t, 9> backticks;  // by run length (the last: 8 or more)
  std::array<std::size_t, 4> emphasis;   // "*", "**", "_", "__"
  markdown_misses() {
    backticks.fill(std::string_view::npos);
    emphasis.fill(std::string_view::npos);
  }
};

std::size_t markdown_code_span(std::string_view s, std::size_t i, std::string& out,
                               markdown_misses& misses) {
  std::size_t run = 1;
  while (i + run < s.size() && s[i + run] == '`')
    ++run;
  std::size_t& miss = misses.backticks[std::min<std::size_t>(run, 8)];
  const std::size_t close =
      i + run >= miss ? std::string_view::npos : s.find(std::string(run, '`'), i + run);
  if (close == std::string_view::npos) {
    miss = std::min(miss, i + run);
    out.append(s.substr(i, run));
    return run;
  }
  out += trim(s.substr(i + run, close - i - run));
  return close + run - i;
}

std::size_t markdown_link(std::string_view s, std::size_t i, std::string& out) {
  const std::size_t mid = s.find("](", i);
  const std::size_t close = mid == std::string_view::npos ? mid : s.find(')', mid);
  if (close == std::string_view::npos || s.substr(i, mid - i).find(']') != std::string_view::npos)
    return 0;
  out += strip_markdown_inline(s.substr(i + 1, mid - i - 1));
  return close + 1 - i;
}

std::size_t markdown_emphasis(std::string_view s, std::size_t i, std::string& out,
                              markdown_misses& misses) {
  const char c = s[i];
  if (i + 1 >= s.size() || is_space(s[i + 1]) || (i > 0 && !may_open_after(s[i - 1]))) return 0;
  const std::string delim = s[i + 1] == c ? std::string(2, c) : std::string(1, c);
  std::size_t& miss = misses.emphasis[(c == '_' ? 2U : 0U) + delim.size() - 1];
  const std::size_t inner = i + delim.size();
  const std::size_t close =
      inner >= miss ? std::string_view::npos : find_close(s, inner, delim, false);
  if (close == std::string_view::npos) {
    miss = std::min(miss, inner);
    out += delim;
    return delim.size();
  }
  out += strip_markdown_inline(s.substr(inner, close - inner));
  return close + delim.size() - i;
}

std::size_t markdown_break(std::string_view s, std::size_t i, std::string& out) {
  for (std::string_view tag : {"<br>", "<br/>", "<br />"}) {
    if (s.substr(i, tag.size()) == tag) {
      out += ' ';
      return tag.size();
    }
  }
  return 0;
}

}  // namespace

std::string strip_markdown_inline(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  markdown_misses misses;
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    std::size_t used = 0;
    if (c == '\\' && i + 1 < s.size() &&
        std::string_view("\\`*_{}[]()#+-.!|<>").find(s[i + 1]) != std::string_view::npos) {
      out += s[i + 1];
      used = 2;
    } else if (c == '`') {
      used = markdown_code_span(s, i, out, misses);
    } else if (c == '[') {
      used = markdown_link(s, i, out);
    } else if (c == '*' || c == '_') {
      used = markdown_emphasis(s, i, out, misses);
    } else if (c == '<') {
      used = markdown_break(s, i, out);
    }
    if (used == 0) {
      out += c;
      used = 1;
    }
    i += used;
  }
  return collapse_spaces(out);
}

std::string strip_html(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '<') {
      const std::size_t close = s.find('>', i);
      if (close == std::string_view::npos) {
        out += s.substr(i);
        break;
      }
      // Inline tags (<b>, <code>, <a>) join their text to the words around them; others
      // (<br>, <p>, <li>, <div>) separate.
      const std::string_view tag = trim(s.substr(i + 1, close - i - 1));
      std::string_view tag_name = tag.substr(tag.starts_with("/") ? 1 : 0);
      tag_name = tag_name.substr(0, tag_name.find_first_of(" \t\r\n/"));
      static constexpr std::array<std::string_view, 12> inline_tags = {
          "b", "i", "em", "strong", "code", "a", "span", "tt", "kbd", "samp", "u", "sup"};
      const std::string lower = text::lower(tag_name);
      if (std::find(inline_tags.begin(), inline_tags.end(), lower) == inline_tags.end()) out += ' ';
      i = close;
    } else if (s[i] == '&') {
      const std::size_t used = text::decode_html_reference(s, i, out);
      if (used == 0) {
        out += '&';
      } else {
        i += used - 1;
      }
    } else {
      out += s[i];
    }
  }
  return collapse_spaces(out);
}

}  // namespace errcat::gen::import::detail
