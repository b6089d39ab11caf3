// What the emitters of the generated header, source (emit.cpp) and table header
// (emit_table.cpp) share: text templates, literals, comments and the text pool.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace errcat::gen {

/// `@name@` → value pairs for substitute().
using substitutions = std::initializer_list<std::pair<std::string_view, std::string_view>>;

/// `text` with every `@name@` replaced by its value; names not listed stay as written.
std::string substitute(std::string_view text, substitutions values);

/// A string literal that keeps its size when `s` holds a NUL.
std::string literal(std::string_view s);

/// `v` as a C++ hexadecimal `unsigned long long` literal.
std::string hex(std::uint64_t v);

/// A direct index's length multiplier as C++: `0` or `::errcat::detail::hash_k0`, the
/// only two values the generator uses (see detail::direct_fold).
std::string length_multiplier_expression(std::uint64_t v);

/// `s` made safe for a line comment: control characters become spaces, and a trailing
/// backslash is quoted.
std::string comment_text(std::string_view s);

/// Four base-64 digits (`0-9A-Za-z-_`), as detail::offset_at reads them.
std::string offset_digits(std::size_t v);

/// `<keyword> char name[] = "text";`, with GCC's warning about literals longer than ISO
/// C++'s minimum limit turned off around it (GCC and Clang take them).
std::string long_literal(std::string_view name, std::string_view text,
                         std::string_view keyword = "inline constexpr");

/// Every text of a table, each stored once, as slices of one string literal.
class text_pool {
 public:
  /// Where `s` starts in the pool (added at the end when new).
  std::size_t offset_of(const std::string& s) {
    const auto [it, fresh] = offsets_.emplace(s, text_.size());
    if (fresh) text_ += s;
    return it->second;
  }
  /// `text_at(offset, size)` for `s`.
  std::string slice(const std::string& s) {
    const std::size_t at = offset_of(s);
    return "text_at(" + std::to_string(at) + ", " + std::to_string(s.size()) + ")";
  }
  /// The pool.
  const std::string& text() const { return text_; }

 private:
  std::string text_;
  std::unordered_map<std::string, std::size_t> offsets_;
};

}  // namespace errcat::gen
