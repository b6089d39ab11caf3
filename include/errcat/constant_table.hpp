// errcat::constant_table: a generated catalog's full table as a constant, for constant
// evaluation (`static_assert` on a lookup or a message), at a compile cost that stays small
// for catalogs of many thousands of rows.
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <system_error>
#include <type_traits>

#include "errcat/detail/hash.hpp"
#include "errcat/detail/table_layout.hpp"
#include "errcat/entry.hpp"
#include "errcat/limits.hpp"

namespace errcat {

template <std::size_t MaxParams, std::size_t MaxSegments>
struct constant_table;

/// What `constant_table::find` returns: the one entry found, materialized as an
/// `errcat::entry` with its parameters and segments held inline (`MaxParams` and
/// `MaxSegments`, the catalog's largest counts), or nothing. Used like the
/// `const entry*` a `catalog` returns: `->`, `*`, `== nullptr`, `!= nullptr`, `if (found)`;
/// two results are equal when they name the same entry of the same table, or are both
/// empty. The entry's spans point into this object, and a copy points into the copy, so
/// keep the result while you use `*found` (a `static_assert` on one expression always
/// does). About 24 bytes per parameter and segment; no allocation. GCC 12 rejects a
/// namespace-scope `constexpr` variable holding a result in later constant expressions
/// (it points into itself, and GCC does not accept that of a value a function returned):
/// look up inside the expression, or keep results in a constexpr function's locals.
template <std::size_t MaxParams, std::size_t MaxSegments>
class table_entry {
 public:
  /// The table type this entry comes from.
  using table_type = constant_table<MaxParams, MaxSegments>;

  /// An empty result.
  constexpr table_entry() noexcept = default;
  /// An empty result, as `return nullptr;` spells it.
  constexpr table_entry(std::nullptr_t) noexcept {}  // NOLINT(google-explicit-constructor)
  /// Entry `index` (which must be below `table.size()`) of `table`, decoded: a few hundred
  /// operations plus its parameter and segment count.
  constexpr table_entry(const table_type& table, std::size_t index) noexcept;

  constexpr table_entry(const table_entry& other) noexcept
      : table_(other.table_),
        index_(other.index_),
        entry_(other.entry_),
        params_(other.params_),
        segments_(other.segments_) {
    reseat();
  }
  constexpr table_entry& operator=(const table_entry& other) noexcept {
    table_ = other.table_;
    index_ = other.index_;
    entry_ = other.entry_;
    params_ = other.params_;
    segments_ = other.segments_;
    reseat();
    return *this;
  }
  constexpr ~table_entry() = default;

  /// The entry (which must exist).
  constexpr const entry& operator*() const noexcept { return entry_; }
  /// The entry's members (which must exist).
  constexpr const entry* operator->() const noexcept { return &entry_; }
  /// The entry, or nullptr when nothing was found.
  constexpr const entry* get() const noexcept { return table_ != nullptr ? &entry_ : nullptr; }
  /// True when an entry was found.
  constexpr explicit operator bool() const noexcept { return table_ != nullptr; }
  /// The entry's index in documented order (0 when nothing was found).
  constexpr std::size_t index() const noexcept { return index_; }

  /// Same table and entry, or both empty.
  friend constexpr bool operator==(const table_entry& a, const table_entry& b) noexcept {
    return a.table_ == b.table_ && a.index_ == b.index_;
  }
  /// True when nothing was found.
  friend constexpr bool operator==(const table_entry& a, std::nullptr_t) noexcept {
    return a.table_ == nullptr;
  }

 private:
  constexpr void reseat() noexcept {
    entry_.params = std::span<const param>(params_.data(), entry_.params.size());
    entry_.segments = std::span<const segment>(segments_.data(), entry_.segments.size());
  }

  const table_type* table_ = nullptr;
  std::size_t index_ = 0;
  entry entry_{};
  std::array<param, MaxParams> params_{};
  std::array<segment, MaxSegments> segments_{};
};

/// A generated catalog's full table as a constant: `inline constexpr` in each generated
/// `<service>_table.hpp` as `table` (`errcat::iam::table`), with the same entries, lookups
/// and aliases as the run-time `catalog`, usable in constant expressions:
/// `static_assert(errcat::iam::table.find("IAM.0004")->status == 404)`.
///
/// Its data are string literals (errcat/detail/table_layout.hpp): texts and fixed-width
/// records, which cost the compiler about one byte per character, where an array of
/// `errcat::entry` costs kilobytes per element. A lookup decodes the one entry it finds
/// (`table_entry`). Every member function is constexpr, noexcept and allocation-free; they
/// work at run time too, but decode on every call: at run time use `catalog`. `MaxParams`
/// and `MaxSegments` are the catalog's largest parameter and segment counts. Created only
/// by generated code; the data members are public so that it can be a constant initializer.
template <std::size_t MaxParams, std::size_t MaxSegments>
struct constant_table {
  /// What `find` returns.
  using entry_type = table_entry<MaxParams, MaxSegments>;

  std::string_view service;        ///< Short name (`iam`): the error category's name.
  std::string_view cpp_namespace;  ///< C++ namespace of the generated code (`errcat::iam`).
  std::string_view title;          ///< What the table is.
  std::string_view source;         ///< The document the table comes from.
  /// Base of the RFC 9457 problem `type` URI of this catalog's errors; empty: writers build
  /// a default `tag:` URI from the service name.
  std::string_view type_base;
  /// The google.rpc `ErrorInfo.domain` of this catalog's errors; empty: writers use
  /// `service`.
  std::string_view domain;
  /// The catalog's `std::error_category` (`entry::category` of every entry).
  const std::error_category& (*category)() noexcept = nullptr;

  // The encoded table (errcat/detail/table_layout.hpp).
  std::string_view texts;          ///< Every text, once.
  std::string_view entries;        ///< Entry records, documented order.
  std::string_view params;         ///< Parameter records.
  std::string_view segments;       ///< Segment records.
  std::string_view keys;           ///< Key records, in the perfect hash's key order.
  std::string_view by_code;        ///< Entry indices grouped by key.
  std::string_view by_errc_value;  ///< Entry indices in order of errc value.
  std::string_view slots;          ///< Key index per slot of the perfect hash.
  std::string_view displacements;  ///< Per bucket of a two-level hash; empty: direct index.
  std::string_view aliases;        ///< Alias records.
  std::uint64_t seed = 0;          ///< Multiplier (direct index) or seed (two-level).
  /// Direct index: what the code's length is multiplied by (`catalog::length_multiplier`).
  std::uint64_t length_multiplier = 0;
  std::size_t shortest_code = 0;  ///< Length of the shortest code, in bytes.
  std::size_t longest_code = 0;   ///< Length of the longest code, in bytes.

  /// Number of entries.
  constexpr std::size_t size() const noexcept {
    return entries.size() / detail::table_layout::entry_digits;
  }

  /// Entry `i` in documented order, or an empty result when `i >= size()`. O(1).
  constexpr entry_type entry_at(std::size_t i) const noexcept {
    if (i >= size()) return nullptr;
    return entry_type(*this, i);
  }

  /// The first entry documented with `code`, or an empty result. The same answer as the
  /// run-time `catalog::find`: exact match; a code starting with an alias prefix is looked
  /// up with the canonical prefix when it is not documented as itself. O(1): one probe of
  /// the perfect hash (two with an alias), a few hundred operations in a constant
  /// expression.
  constexpr entry_type find(std::string_view code) const noexcept {
    const std::size_t k = find_key(code);
    if (k == npos) return nullptr;
    return entry_type(*this, by_code_at(key_field(k, 1)));
  }

  /// The first entry documented with `code` under `status` (0: any status), or an empty
  /// result. O(number of entries sharing the code).
  constexpr entry_type find(int status, std::string_view code) const noexcept {
    if (status < 0) return nullptr;
    const std::size_t k = find_key(code);
    if (k == npos) return nullptr;
    const std::size_t first = key_field(k, 1);
    const std::size_t count = key_field(k, 2);
    for (std::size_t i = first; i < first + count; ++i) {
      const std::size_t e = by_code_at(i);
      if (status == 0 ||
          static_cast<int>(entry_field(e, detail::table_layout::entry_status,
                                       detail::table_layout::status_digits)) == status)
        return entry_type(*this, e);
    }
    return nullptr;
  }

  /// The entry whose `errc` value is `value`, or an empty result. O(log n): a binary search.
  constexpr entry_type find_errc_value(int value) const noexcept {
    using namespace detail::table_layout;
    std::size_t lo = 0;
    std::size_t hi = by_errc_value.size() / index_digits;
    while (lo < hi) {
      const std::size_t mid = lo + (hi - lo) / 2;
      const std::size_t e = number(by_errc_value, mid * index_digits, index_digits);
      const long long v =
          static_cast<long long>(entry_field(e, entry_errc_value, errc_value_digits)) -
          errc_value_bias;
      if (v == value) return entry_type(*this, e);
      if (v < value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return nullptr;
  }

  /// The entry called `name` (its `errc` enumerator's name), or an empty result. O(n).
  constexpr entry_type find_name(std::string_view name) const noexcept {
    for (std::size_t e = 0; e < size(); ++e) {
      if (text(entries,
               e * detail::table_layout::entry_digits + detail::table_layout::entry_name) == name)
        return entry_type(*this, e);
    }
    return nullptr;
  }

 private:
  friend entry_type;
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  // The number of `digits` digits at `pos` of `s`.
  static constexpr std::size_t number(std::string_view s, std::size_t pos,
                                      std::size_t digits) noexcept {
    std::size_t v = 0;
    for (std::size_t k = 0; k < digits; ++k)
      v = v * 64 + detail::table_layout::digit_value(s[pos + k]);
    return v;
  }
  // The text whose offset and size start at `pos` of `s`.
  constexpr std::string_view text(std::string_view s, std::size_t pos) const noexcept {
    using namespace detail::table_layout;
    return texts.substr(number(s, pos, text_offset_digits),
                        number(s, pos + text_offset_digits, text_size_digits));
  }
  constexpr std::size_t entry_field(std::size_t e, std::size_t field,
                                    std::size_t digits) const noexcept {
    return number(entries, e * detail::table_layout::entry_digits + field, digits);
  }
  // Field 1 (first position in by_code) or 2 (count) of key `k`.
  constexpr std::size_t key_field(std::size_t k, std::size_t field) const noexcept {
    using namespace detail::table_layout;
    return number(keys, k * key_digits + text_digits + (field - 1) * index_digits, index_digits);
  }
  constexpr std::size_t by_code_at(std::size_t i) const noexcept {
    using namespace detail::table_layout;
    return number(by_code, i * index_digits, index_digits);
  }

  // The slot `code` hashes to (its length is within the catalog's code lengths).
  constexpr std::size_t slot_of(std::string_view code, std::size_t slot_count) const noexcept {
    using namespace detail::table_layout;
    const std::size_t n = code.size();
    if (displacements.empty()) {
      const detail::key_words w =
          detail::code_words_within(code.data(), n, shortest_code, longest_code);
      const auto bits = static_cast<unsigned>(std::countr_zero(slot_count));
      return detail::direct_slot(w, n, length_multiplier, seed, bits);
    }
    const std::uint64_t h = detail::hash(code, seed);
    const std::size_t buckets = displacements.size() / displacement_digits;
    const std::size_t bucket = static_cast<std::size_t>(h >> 32) & (buckets - 1);
    const auto d = static_cast<std::uint32_t>(
        number(displacements, bucket * displacement_digits, displacement_digits));
    return static_cast<std::size_t>(detail::displace(h, d)) & (slot_count - 1);
  }

  // The key documented as exactly `code`, or npos.
  constexpr std::size_t probe(std::string_view code) const noexcept {
    using namespace detail::table_layout;
    const std::size_t n = code.size();
    const std::size_t slot_count = slots.size() / index_digits;
    if (n < shortest_code || n > longest_code || slot_count == 0) return npos;
    if (displacements.empty() && n > direct_index_max_code_size) return npos;
    const std::size_t k = number(slots, slot_of(code, slot_count) * index_digits, index_digits);
    if (k >= keys.size() / key_digits || text(keys, k * key_digits) != code) return npos;
    return k;
  }

  // The key of `code`, or of `code` with an alias prefix replaced; npos when neither is.
  constexpr std::size_t find_key(std::string_view code) const noexcept {
    using namespace detail::table_layout;
    const std::size_t k = probe(code);
    if (k != npos || aliases.empty() || code.size() > max_code_size + alias_growth_limit) return k;
    for (std::size_t a = 0; a < aliases.size() / alias_digits; ++a) {
      const std::string_view prefix = text(aliases, a * alias_digits);
      const std::string_view canonical = text(aliases, a * alias_digits + text_digits);
      if (code.size() <= prefix.size() || code.substr(0, prefix.size()) != prefix) continue;
      const std::size_t n = canonical.size() + code.size() - prefix.size();
      if (n > max_code_size) return npos;
      char buf[max_code_size] = {};
      std::size_t i = 0;
      for (const char c : canonical)
        buf[i++] = c;
      for (const char c : code.substr(prefix.size()))
        buf[i++] = c;
      return probe(std::string_view(buf, n));
    }
    return npos;
  }
};

template <std::size_t MaxParams, std::size_t MaxSegments>
constexpr table_entry<MaxParams, MaxSegments>::table_entry(const table_type& table,
                                                           std::size_t index) noexcept
    : table_(&table), index_(index) {
  using namespace detail::table_layout;
  const std::string_view r = table.entries.substr(index * entry_digits, entry_digits);
  entry_.status = static_cast<int>(table_type::number(r, entry_status, status_digits));
  entry_.code = table.text(r, entry_code);
  entry_.name = table.text(r, entry_name);
  entry_.message = table.text(r, entry_message);
  entry_.description = table.text(r, entry_description);
  entry_.remediation = table.text(r, entry_remediation);
  const std::size_t first_param = table_type::number(r, entry_first_param, first_digits);
  // The generator sizes MaxParams and MaxSegments to fit; the bounds only keep a hand-made
  // table from writing past them.
  std::size_t param_count = table_type::number(r, entry_param_count, param_count_digits);
  param_count = param_count < MaxParams ? param_count : MaxParams;
  for (std::size_t i = 0; i < param_count; ++i) {
    const std::size_t at = (first_param + i) * param_digits;
    params_[i] = {.name = table.text(table.params, at),
                  .kind = table_type::number(table.params, at + text_digits, 1) == 1
                              ? param_kind::integer
                              : param_kind::string};
  }
  const std::size_t first_segment = table_type::number(r, entry_first_segment, first_digits);
  std::size_t segment_count = table_type::number(r, entry_segment_count, segment_count_digits);
  segment_count = segment_count < MaxSegments ? segment_count : MaxSegments;
  for (std::size_t i = 0; i < segment_count; ++i) {
    const std::size_t at = (first_segment + i) * segment_digits;
    segments_[i] = {
        .text = table.text(table.segments, at),
        .param_index = static_cast<std::int16_t>(
            static_cast<int>(table_type::number(table.segments, at + text_digits, 1)) - 1)};
  }
  entry_.params = std::span<const param>(params_.data(), param_count);
  entry_.segments = std::span<const segment>(segments_.data(), segment_count);
  entry_.errc_value = static_cast<int>(
      static_cast<long long>(table_type::number(r, entry_errc_value, errc_value_digits)) -
      errc_value_bias);
  entry_.category = table.category;
  entry_.retry = static_cast<retry_class>(table_type::number(r, entry_retry, 1));
}

namespace detail {
/// Entry `Index` (which must exist) of the constant table `Table`, decoded once, as a
/// constant with static storage: what `render<"CODE">()` renders, at run time too, without
/// decoding per call. Constructed in place: GCC 12 rejects a constant whose pointers to
/// itself were set in a function that returned it.
template <const auto& Table, std::size_t Index>
inline constexpr
    typename std::remove_cvref_t<decltype(Table)>::entry_type constant_entry(Table, Index);
}  // namespace detail

}  // namespace errcat
