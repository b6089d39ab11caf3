// The signature index: what the compile-time checked `make<"CODE">` needs to know about a
// catalog, in a form that costs almost nothing to compile. A generated catalog header
// holds one; the full table (texts, segments, hash) lives in the generated source and in
// the separate `<service>_table.hpp` header, so a translation unit that only makes errors
// never parses it.
//
// Layout (all text, so the compiler reads it as three string literals):
//   records   one line per entry, sorted by code (entries sharing a code in documented
//             order): `<code> <entry index> <errc value>[ <param>:<kind>]...\n`, where
//             each parameter is listed in order of first appearance and kind is `s`
//             (text) or `d` (integer). Codes contain no spaces and parameter names are
//             identifiers, so a space and a newline can separate them.
//   by_code   for each record in code order, the offset of its line in `records`, as four
//             digits of base 64 (`0-9A-Za-z-_`, most significant first).
//   by_errc_value
//             the same offsets in order of errc value.
//   aliases   `<prefix> <canonical>\n` for each alias prefix of the catalog.
// Finding a code is a binary search (at most 17 probes for 65,534 entries), so a check
// costs a few hundred constant-evaluation steps whatever the catalog's size.
#pragma once

#include <cstddef>
#include <string_view>

#include "errcat/entry.hpp"
#include "errcat/limits.hpp"

namespace errcat::detail {

/// A catalog's signature index (see the comment at the top of this header). Generated code
/// creates it with explicit sizes, so no string is measured at compile time.
struct signature_index {
  std::string_view records;        ///< One line per entry, in code order.
  std::string_view by_code;        ///< Four base-64 digits per entry: record offsets, code order.
  std::string_view by_errc_value;  ///< Four base-64 digits per entry: offsets, errc value order.
  std::string_view aliases;        ///< `<prefix> <canonical>\n` per alias.
};

/// Digits of an offset in `by_code` and `by_errc_value`.
inline constexpr std::size_t offset_digits = signature_offset_digits;

/// The value of one base-64 digit (`0-9A-Za-z-_`).
constexpr std::size_t digit64(char c) noexcept {
  if (c >= '0' && c <= '9') return static_cast<std::size_t>(c - '0');
  if (c >= 'A' && c <= 'Z') return static_cast<std::size_t>(c - 'A') + 10;
  if (c >= 'a' && c <= 'z') return static_cast<std::size_t>(c - 'a') + 36;
  return c == '-' ? 62 : 63;
}

/// The `i`-th offset of an index string.
constexpr std::size_t offset_at(std::string_view index, std::size_t i) noexcept {
  std::size_t v = 0;
  for (std::size_t k = 0; k < offset_digits; ++k)
    v = v * 64 + digit64(index.data()[i * offset_digits + k]);
  return v;
}

/// One entry's line in the records: its code, entry index, errc value and parameters.
class signature {
 public:
  constexpr signature() noexcept = default;
  /// The record starting at `line` (the start of the code) in `records`. Raw loops over
  /// the characters rather than string_view's find and substr: this runs in the constant
  /// evaluation of every `make<>()`, where each library call costs more than the work.
  constexpr signature(std::string_view records, std::size_t line) noexcept {
    const char* const p = records.data();
    const std::size_t size = records.size();
    std::size_t k = line;
    while (k < size && p[k] != ' ' && p[k] != '\n')
      ++k;
    code_ = std::string_view(p + line, k - line);
    k = number(p, size, k, entry_);
    std::size_t value = 0;
    k = number(p, size, k, value);
    errc_value_ = static_cast<int>(value);
    std::size_t end = k;
    while (end < size && p[end] != '\n')
      ++end;
    params_ = std::string_view(p + k, end - k);
  }

  /// The entry's code.
  constexpr std::string_view code() const noexcept { return code_; }
  /// The entry's index in the catalog's `entries`.
  constexpr std::size_t entry() const noexcept { return entry_; }
  /// The entry's errc value.
  constexpr int errc_value() const noexcept { return errc_value_; }

  /// Number of parameters.
  constexpr std::size_t param_count() const noexcept {
    std::size_t n = 0;
    for (std::size_t k = 0; k < params_.size(); ++k)
      n += params_.data()[k] == ':' ? 1U : 0U;
    return n;
  }

  /// The index of the parameter called `name`, or -1.
  constexpr int param_index(std::string_view name) const noexcept {
    const char* const p = params_.data();
    const std::size_t size = params_.size();
    int i = 0;
    for (std::size_t k = 0; k < size; ++i) {
      std::size_t n = 0;  // characters of the name matched so far
      while (k + n < size && p[k + n] != ':' && n < name.size() && p[k + n] == name.data()[n])
        ++n;
      if (n == name.size() && k + n < size && p[k + n] == ':') return i;
      while (k < size && p[k] != ':')
        ++k;
      k += 3;  // ":k "
    }
    return -1;
  }

  /// The kind of parameter `i` (which must exist).
  constexpr param_kind kind_at(std::size_t i) const noexcept {
    std::size_t seen = 0;
    for (std::size_t k = 0; k + 1 < params_.size(); ++k) {
      if (params_.data()[k] == ':' && seen++ == i)
        return params_.data()[k + 1] == 'd' ? param_kind::integer : param_kind::string;
    }
    return param_kind::string;
  }

 private:
  // Skips the space at `k`, reads the decimal number after it into `v` and returns the
  // position after it.
  static constexpr std::size_t number(const char* p, std::size_t size, std::size_t k,
                                      std::size_t& v) noexcept {
    if (k < size && p[k] == ' ') ++k;
    v = 0;
    for (; k < size && p[k] >= '0' && p[k] <= '9'; ++k)
      v = v * 10 + static_cast<std::size_t>(p[k] - '0');
    if (k < size && p[k] == ' ') ++k;
    return k;
  }

  std::string_view code_;
  std::size_t entry_ = 0;
  int errc_value_ = 0;
  std::string_view params_;  // `name:k` repeated, separated by spaces
};

/// The first record (in code order) whose code is `code`, and how many entries share that
/// code. `count` is 0 when the catalog does not document it.
struct code_match {
  std::size_t first = 0;  ///< Position in code order of the first such record.
  std::size_t count = 0;  ///< How many entries document the code.
};

/// How the code of the record at `line` compares with `code`: negative, zero or positive,
/// in the order of `std::string_view`'s comparison (bytes as unsigned char), which is the
/// order the generator sorts records in. Compares in place, without parsing the record.
constexpr int compare_code(std::string_view records, std::size_t line,
                           std::string_view code) noexcept {
  const char* const p = records.data() + line;
  const char* const c = code.data();
  const std::size_t n = code.size();
  for (std::size_t i = 0;; ++i) {
    const bool record_ends = p[i] == ' ' || p[i] == '\n';
    if (record_ends || i == n) return record_ends ? (i == n ? 0 : -1) : 1;
    if (p[i] != c[i])
      return static_cast<unsigned char>(p[i]) < static_cast<unsigned char>(c[i]) ? -1 : 1;
  }
}

/// The records documenting exactly `code` (no alias applied): a binary search.
constexpr code_match find_exact(const signature_index& s, std::string_view code) noexcept {
  const std::size_t n = s.by_code.size() / offset_digits;
  std::size_t lo = 0;
  std::size_t hi = n;
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (compare_code(s.records, offset_at(s.by_code, mid), code) < 0) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  code_match m{lo, 0};
  while (lo + m.count < n && compare_code(s.records, offset_at(s.by_code, lo + m.count), code) == 0)
    ++m.count;
  return m;
}

/// The records documenting `code`, or, when none do, `code` with an alias prefix replaced
/// by its canonical one (as `catalog::find` looks codes up).
constexpr code_match find_code(const signature_index& s, std::string_view code) noexcept {
  const code_match m = find_exact(s, code);
  if (m.count != 0 || code.size() > max_code_size + alias_growth_limit) return m;
  std::string_view rest = s.aliases;
  while (!rest.empty()) {
    const std::size_t space = rest.find(' ');
    const std::size_t end = rest.find('\n');
    const std::string_view prefix = rest.substr(0, space);
    const std::string_view canonical = rest.substr(space + 1, end - space - 1);
    rest.remove_prefix(end + 1);
    if (code.size() <= prefix.size() || code.substr(0, prefix.size()) != prefix) continue;
    const std::size_t size = canonical.size() + code.size() - prefix.size();
    if (size > max_code_size) return m;
    char buf[max_code_size] = {};
    std::size_t k = 0;
    for (char c : canonical)
      buf[k++] = c;
    for (char c : code.substr(prefix.size()))
      buf[k++] = c;
    return find_exact(s, std::string_view(buf, size));
  }
  return m;
}

/// The position (in code order's offsets) of the record whose errc value is `value`, as
/// the record's line offset; `npos` when no entry has it.
constexpr std::size_t find_errc_value(const signature_index& s, int value) noexcept {
  std::size_t lo = 0;
  std::size_t hi = s.by_errc_value.size() / offset_digits;
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    const std::size_t line = offset_at(s.by_errc_value, mid);
    const int v = signature(s.records, line).errc_value();
    if (v == value) return line;
    if (v < value) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return std::string_view::npos;
}

}  // namespace errcat::detail
