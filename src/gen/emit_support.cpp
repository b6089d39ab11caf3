#include "emit_support.hpp"

#include <algorithm>

#include "errcat/detail/hash.hpp"
#include "errcat/limits.hpp"
#include "text.hpp"

namespace errcat::gen {

// `text` with every `@name@` replaced by its value; names not listed stay as written.
std::string substitute(std::string_view text, substitutions values) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t at = text.find('@', i);
    const std::size_t end = at == std::string_view::npos ? at : text.find('@', at + 1);
    if (end == std::string_view::npos) break;
    const std::string_view name = text.substr(at + 1, end - at - 1);
    out += text.substr(i, at - i);
    i = end + 1;
    bool found = false;
    for (const auto& [key, value] : values) {
      if (key == name) {
        out += value;
        found = true;
        break;
      }
    }
    if (!found) {
      out += '@';
      i = at + 1;
    }
  }
  out += text.substr(std::min(i, text.size()));
  return out;
}

// A string literal that keeps its size when `s` holds a NUL.
std::string literal(std::string_view s) {
  if (s.find('\0') != std::string_view::npos) {
    return "std::string_view(" + text::cpp_string_literal(s) + ", " + std::to_string(s.size()) +
           ")";
  }
  return text::cpp_string_literal(s);
}

std::string hex(std::uint64_t v) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out = "0x";
  for (int shift = 60; shift >= 0; shift -= 4)
    out += digits[(v >> shift) & 0xf];
  return out + "ull";
}

std::string length_multiplier_expression(std::uint64_t v) {
  if (v == 0) return "0";
  return v == detail::hash_k0 ? "::errcat::detail::hash_k0" : hex(v);
}

std::string comment_text(std::string_view s) {
  std::string out;
  for (char c : s)
    out += (static_cast<unsigned char>(c) < 0x20) ? ' ' : c;
  // A backslash (even one followed by spaces) at the end of a line comment splices the
  // next line of generated code into the comment; quoting the text keeps it off the end.
  const std::size_t last = out.find_last_not_of(' ');
  if (last != std::string::npos && out[last] == '\\') out = '`' + out.substr(0, last + 1) + '`';
  return out;
}

// Four base-64 digits (`0-9A-Za-z-_`), as detail::offset_at reads them.
std::string offset_digits(std::size_t v) {
  static constexpr char digits[] =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  std::string out(signature_offset_digits, '0');
  for (std::size_t k = signature_offset_digits; k-- > 0; v /= 64)
    out[k] = digits[v % 64];
  return out;
}

std::string long_literal(std::string_view name, std::string_view text, std::string_view keyword) {
  return substitute(
      "#pragma GCC diagnostic push\n"
      "#pragma GCC diagnostic ignored \"-Woverlength-strings\"\n"
      "@keyword@ char @name@[] = @text@;\n"
      "#pragma GCC diagnostic pop\n",
      {{"keyword", keyword}, {"name", name}, {"text", text::cpp_string_literal(text)}});
}

}  // namespace errcat::gen
