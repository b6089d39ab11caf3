// Text helpers shared by errcat's tools and integrations (the generator, the command-line
// tool, errcat::json, test support): UTF-8 checks, HTML character references, ASCII case,
// HTTP whitespace, identifiers, the one way errcat quotes or escapes untrusted text in
// messages, the C++ string literals generated code spells, and the spelling of `param_kind`.
// Internal: header-only (target `errcat_text`), never installed, no dependency beyond the
// standard library and <errcat/entry.hpp>.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "errcat/entry.hpp"

namespace errcat::text {

// --- UTF-8 ------------------------------------------------------------------------------

/// Length of the valid UTF-8 sequence starting at `s[i]` (1 to 4), or 0 when it is not one:
/// overlong forms, surrogates, code points above U+10FFFF and cut sequences are invalid.
/// `i < s.size()`. O(1).
constexpr std::size_t utf8_sequence(std::string_view s, std::size_t i) noexcept {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  if (b(i + 1) < lo || b(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k) {
    if (b(i + k) < 0x80 || b(i + k) > 0xBF) return 0;
  }
  return n;
}

/// Whether all of `s` is valid UTF-8. O(n) in bytes, no allocation.
constexpr bool valid_utf8(std::string_view s) noexcept {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = utf8_sequence(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

/// `s` with every byte that does not start a valid sequence replaced by U+FFFD. O(n) in
/// bytes; allocates the result (throws `std::bad_alloc` only).
inline std::string replace_invalid_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = utf8_sequence(s, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(s.substr(i, n));
      i += n;
    }
  }
  return out;
}

/// The longest prefix of `s` of at most `max_bytes` that does not end inside a multi-byte
/// sequence (invalid bytes are kept: this cuts, it does not clean). O(1).
constexpr std::string_view utf8_prefix(std::string_view s, std::size_t max_bytes) noexcept {
  if (s.size() <= max_bytes) return s;
  std::size_t n = max_bytes;
  // Step back over continuation bytes (at most three) to the start of the cut sequence.
  std::size_t back = 0;
  while (n > 0 && back < 3 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) {
    --n;
    ++back;
  }
  if (back == 3 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) n = max_bytes;
  return s.substr(0, n);
}

/// Appends the UTF-8 encoding of code point `cp`; NUL, surrogates and values above U+10FFFF
/// as U+FFFD. O(1).
inline void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// --- ASCII case and HTTP whitespace -----------------------------------------------------

/// `c` in ASCII lower or upper case; other bytes unchanged (no locale).
constexpr char ascii_lower(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
constexpr char ascii_upper(char c) noexcept {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

/// `s` in ASCII lower or upper case. O(n); allocates the result.
inline std::string lower(std::string_view s) {
  std::string r(s);
  for (char& c : r)
    c = ascii_lower(c);
  return r;
}
inline std::string upper(std::string_view s) {
  std::string r(s);
  for (char& c : r)
    c = ascii_upper(c);
  return r;
}

/// Whether `a` and `b` are equal ignoring ASCII case (HTTP header names). O(n), no allocation.
constexpr bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

/// Whether `s` holds `word` at index `at` (any `at`; past the end is false), ignoring ASCII
/// case: a tag or keyword in HTML or a log line. O(size of `word`), no allocation.
constexpr bool iequals_at(std::string_view s, std::size_t at, std::string_view word) noexcept {
  return at <= s.size() && iequals(s.substr(at, word.size()), word);
}

/// `s` without HTTP's optional whitespace (spaces and tabs) at either end. O(n), no allocation.
constexpr std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

// --- HTML character references (error pages, published tables) ---------------------------

/// The code point a numeric character reference's name spells (`#65`, `#x41`), or nullopt
/// when it spells none. Values past U+10FFFF come back as 0x110000, which `append_utf8`
/// writes as U+FFFD. O(n) in the name, no allocation.
constexpr std::optional<std::uint32_t> numeric_reference(std::string_view name) noexcept {
  if (name.size() < 2 || name[0] != '#') return std::nullopt;
  const bool hex = name[1] == 'x' || name[1] == 'X';
  const std::size_t first = hex ? 2 : 1;
  if (name.size() <= first) return std::nullopt;
  std::uint32_t cp = 0;
  for (const char ch : name.substr(first)) {
    const char c = ascii_lower(ch);
    std::uint32_t d = 0;
    if (c >= '0' && c <= '9') {
      d = static_cast<std::uint32_t>(c - '0');
    } else if (hex && c >= 'a' && c <= 'f') {
      d = static_cast<std::uint32_t>(c - 'a' + 10);
    } else {
      return std::nullopt;
    }
    cp = std::min<std::uint32_t>(cp * (hex ? 16U : 10U) + d, 0x110000);  // stays invalid
  }
  return cp;
}

/// Decodes the character reference at `s[i]` (an `&`) onto `out`: a numeric one (`&#65;`,
/// `&#x41;`; an invalid code point as U+FFFD) or one of the names error pages and
/// published tables use (`amp lt gt quot apos nbsp copy ndash mdash lsquo rsquo`; `&nbsp;`
/// as a plain space). Returns the characters it used, through the `;`, or 0 (writing
/// nothing) when no `;` follows within 10 characters or the name is not one of those. O(1).
inline std::size_t decode_html_reference(std::string_view s, std::size_t i, std::string& out) {
  const std::size_t semi = s.find(';', i);
  if (semi == std::string_view::npos || semi - i > 10) return 0;
  const std::string_view name = s.substr(i + 1, semi - i - 1);
  static constexpr std::array<std::pair<std::string_view, std::uint32_t>, 11> named = {{
      {"amp", '&'},
      {"lt", '<'},
      {"gt", '>'},
      {"quot", '"'},
      {"apos", '\''},
      {"nbsp", ' '},
      {"copy", 0xA9},
      {"ndash", 0x2013},
      {"mdash", 0x2014},
      {"lsquo", 0x2018},
      {"rsquo", 0x2019},
  }};
  std::optional<std::uint32_t> cp = numeric_reference(name);
  for (const auto& [n, c] : named) {
    if (name == n) cp = c;
  }
  if (!cp) return 0;
  append_utf8(out, *cp);
  return semi - i + 1;
}

// --- identifiers --------------------------------------------------------------------------

/// Whether `c` may start an identifier as the catalog format and C++ spell them (ASCII only,
/// no locale): a letter or `_`.
constexpr bool is_identifier_start(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
/// Whether `c` may continue an identifier: a letter, a digit or `_`.
constexpr bool is_identifier_char(char c) noexcept {
  return is_identifier_start(c) || (c >= '0' && c <= '9');
}
/// Whether `s` is a non-empty identifier (`is_identifier_start`, then `is_identifier_char`).
/// Keywords and reserved names are not checked here (gen::is_cpp_identifier does). O(n), no
/// allocation.
constexpr bool is_identifier(std::string_view s) noexcept {
  if (s.empty() || !is_identifier_start(s[0])) return false;
  for (char c : s) {
    if (!is_identifier_char(c)) return false;
  }
  return true;
}

// --- escaping untrusted text --------------------------------------------------------------

/// Appends `\xNN` for byte `u`.
inline void append_hex(std::string& out, unsigned char u) {
  static constexpr char digits[] = "0123456789abcdef";
  out += "\\x";
  out += digits[u >> 4];
  out += digits[u & 15];
}

/// Appends `s` escaped by errcat's one rule: newline, carriage return and tab as \n \r \t;
/// other C0 controls, DEL, C1 controls (U+0080..U+009F) and bytes that are not valid UTF-8
/// as \xNN; valid UTF-8 text as is. With `in_quotes`, `"` and `\` get a backslash too.
/// O(n) in bytes.
inline void append_escaped(std::string& out, std::string_view s, bool in_quotes) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t len = utf8_sequence(s, i);
    const bool c1 = len == 2 && c == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0;
    if (c == '\n' || c == '\r' || c == '\t') {
      out += c == '\n' ? "\\n" : c == '\r' ? "\\r" : "\\t";
    } else if (len == 0 || c < 0x20 || c == 0x7F) {
      append_hex(out, c);
    } else if (c1) {
      append_hex(out, c);
      append_hex(out, static_cast<unsigned char>(s[i + 1]));
    } else if (in_quotes && (c == '"' || c == '\\')) {
      out += '\\';
      out += static_cast<char>(c);
    } else {
      out.append(s.substr(i, len));
    }
    i += len == 0 ? 1 : len;
  }
}

/// `s` safe to show on a terminal or in a log line: control characters and invalid UTF-8
/// escaped (`\n`, `\x1b`, `\xff`), so untrusted text cannot move the cursor or change the
/// terminal's state. O(n); allocates the result.
inline std::string printable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  append_escaped(out, s, false);
  return out;
}

/// `s` in double quotes for a message that names a value: escaped as `printable` does, and
/// `"` and `\` with a backslash, so the quoted text is unambiguous. O(n); allocates.
inline std::string quoted(std::string_view s) {
  std::string out = "\"";
  out.reserve(s.size() + 2);
  append_escaped(out, s, true);
  out += '"';
  return out;
}

/// `s` as a C++ string literal, for generated source: `"` and `\` get a backslash; control
/// characters, DEL and every byte outside ASCII are octal escapes of three digits (which
/// cannot swallow a digit that follows, as `\x` would); a `?` after a `?` is `\?`, so no
/// `??x` reads as a trigraph. O(n); allocates the result.
inline std::string cpp_string_literal(std::string_view s) {
  std::string out = "\"";
  out.reserve(s.size() + 2);
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20 || u >= 0x7f) {
      out += '\\';
      out += static_cast<char>('0' + (u >> 6));
      out += static_cast<char>('0' + ((u >> 3) & 7));
      out += static_cast<char>('0' + (u & 7));
    } else if (c == '?' && out.back() == '?') {
      out += "\\?";
    } else {
      out += c;
    }
  }
  out += '"';
  return out;
}

// --- catalog vocabulary -----------------------------------------------------------------

/// How the catalog format and every tool spell a parameter's kind: "integer" or "string".
constexpr std::string_view kind_name(param_kind k) noexcept {
  return k == param_kind::integer ? "integer" : "string";
}

}  // namespace errcat::text
