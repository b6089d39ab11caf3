// errcat::catalog: a constexpr view over a generated error table, with perfect-hash lookup.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <span>  // also std::forward_iterator_tag, without <iterator>'s streams
#include <string_view>
#include <type_traits>

#include "errcat/detail/hash.hpp"
#include "errcat/entry.hpp"
#include "errcat/limits.hpp"

/// Forces inlining where the compiler's estimate would not (GCC and Clang): a lookup is
/// only small once it is inlined into a caller that sees the generated catalog's constants.
#if defined(__GNUC__) || defined(__clang__)
#define ERRCAT_ALWAYS_INLINE [[gnu::always_inline]] inline
#else
#define ERRCAT_ALWAYS_INLINE inline
#endif

/// 1 where the compiler takes `if consteval`: C++23, and GCC 12 and Clang 14 in C++20 as
/// an extension (this header silences their -Wpedantic warning where it uses it). Why not
/// just `std::is_constant_evaluated()`: GCC then still compiles, in every caller, each
/// function the constant-evaluation branch calls, only to drop them as dead code (about
/// 13 ms for a `find`, issue 12); an `if consteval` branch is compiled only in constant
/// evaluation.
#if (defined(__cpp_if_consteval) && __cpp_if_consteval >= 202106L) || \
    (defined(__clang__) && __clang_major__ >= 14) ||                  \
    (defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 12)
#define ERRCAT_HAS_IF_CONSTEVAL 1
#else
#define ERRCAT_HAS_IF_CONSTEVAL 0
#endif

namespace errcat {

struct match_result;  // errcat/match.hpp; only catalog::match needs it, and its callers include it
struct catalog;
struct code_key;

namespace detail {
// `catalog::find_key` outside constant evaluation, compiled once in the library rather than
// inlined into every caller (issue 12: compile cost). Through an `extern` catalog the
// compiler sees none of the sizes, seed and tables, so an inlined lookup folds
// nothing and only adds code (about 20 ms of compile time per caller); one call costs about
// a nanosecond. `catalog::find_inline` is the inlined lookup, for a catalog that is a
// constant.
const code_key* find_key_at_run_time(const catalog& c, std::string_view code) noexcept;
}  // namespace detail

/// A second spelling of a code prefix that servers use on the wire: a code starting with
/// `prefix` is looked up as if it started with `canonical` (`APIGW.0301` → `APIG.0301`).
struct code_alias {
  std::string_view prefix;     ///< Spelling accepted on input.
  std::string_view canonical;  ///< Spelling used in the documentation and the table.
};

/// A distinct code of the catalog and where its entries are in `catalog::by_code`.
struct code_key {
  std::string_view code;    ///< The code as documented.
  std::uint16_t first = 0;  ///< Index of its first entry index in `catalog::by_code`.
  std::uint16_t count = 0;  ///< How many entries document this code.
  /// Its first entry in documented order (`&entries[by_code[first]]`), kept here so that
  /// `find` returns without two more dependent loads.
  const entry* first_entry = nullptr;
  /// The code's bytes as `detail::code_words` gives them for this catalog (zero for codes
  /// longer than 16 bytes): a lookup compares these, held beside the slot's key, instead of
  /// following `code` to its characters.
  detail::key_words words;
};

namespace detail {
/// A direct index's probe (see `catalog::probe_direct`): `slots` holds 2^`bits` key
/// pointers (none null), `seed` is the multiplier, `length_multiplier` is what the code's
/// length is multiplied by in the hash (`direct_fold`), and every code is `shortest` to
/// `longest` (at most 16) bytes long. Inlined, so a caller that passes the generated
/// constants (the generated `find(code)`) gets them folded in. O(1), no loop over the
/// input's bytes; nullptr when no code matches.
ERRCAT_ALWAYS_INLINE constexpr const code_key* probe_direct(
    const code_key* const* slots, std::uint64_t seed, std::uint64_t length_multiplier,
    unsigned bits, std::size_t shortest, std::size_t longest, std::string_view code) noexcept {
  const std::size_t n = code.size();
  // One unsigned comparison rejects the empty string, a megabyte and anything else no
  // code is as long as; the second test folds away for generated constants.
  if (n - shortest > longest - shortest || n > direct_index_max_code_size) return nullptr;
  const key_words w = code_words_within(code.data(), n, shortest, longest);
  const code_key& k = *slots[direct_slot(w, n, length_multiplier, seed, bits)];
  // GCC 12 turns these comparisons into two branches, which predict well and let the
  // result's load start before the comparison ends; a branch-free select measured slower
  // (tests/bench/README.md). Codes of at most 8 bytes have `b` == 0 on both sides, so it
  // is compared only when a code can be longer.
  const bool hit = (k.code.size() == n) & (k.words.a == w.a) & (longest <= 8 || k.words.b == w.b);
  return hit ? &k : nullptr;
}
}  // namespace detail

/// The entries that share a code (and, optionally, a status), in documented order.
/// A small forward range of `const entry&`; empty when nothing matched.
class entry_range {
 public:
  /// Iterates the matching entries.
  class iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = entry;
    using difference_type = std::ptrdiff_t;
    using pointer = const entry*;
    using reference = const entry&;

    constexpr iterator() noexcept = default;
    constexpr iterator(const entry* entries, const std::uint16_t* pos, const std::uint16_t* last,
                       int status) noexcept
        : entries_(entries), pos_(pos), last_(last), status_(status) {
      skip();
    }
    constexpr reference operator*() const noexcept { return entries_[*pos_]; }
    constexpr pointer operator->() const noexcept { return &entries_[*pos_]; }
    constexpr iterator& operator++() noexcept {
      ++pos_;
      skip();
      return *this;
    }
    constexpr iterator operator++(int) noexcept {
      iterator old = *this;
      ++*this;
      return old;
    }
    friend constexpr bool operator==(const iterator& a, const iterator& b) noexcept {
      return a.pos_ == b.pos_;
    }

   private:
    constexpr void skip() noexcept {
      while (status_ != 0 && pos_ != last_ && entries_[*pos_].status != status_)
        ++pos_;
    }
    const entry* entries_ = nullptr;
    const std::uint16_t* pos_ = nullptr;
    const std::uint16_t* last_ = nullptr;
    int status_ = 0;
  };

  constexpr entry_range() noexcept = default;
  /// The entries `entries[first[0]] … entries[first[count-1]]` whose status is `status`
  /// (any status when `status` is 0).
  constexpr entry_range(const entry* entries, const std::uint16_t* first, std::size_t count,
                        int status) noexcept
      : entries_(entries), first_(first), last_(first + count), status_(status) {}

  /// First matching entry.
  constexpr iterator begin() const noexcept { return {entries_, first_, last_, status_}; }
  /// Past the last matching entry.
  constexpr iterator end() const noexcept { return {entries_, last_, last_, 0}; }
  /// True when no entry matched.
  constexpr bool empty() const noexcept { return begin() == end(); }
  /// Number of matching entries. O(n) in the entries that share the code: they are counted,
  /// not stored (hence not `size()`).
  constexpr std::size_t count() const noexcept {
    std::size_t n = 0;
    for (auto it = begin(); it != end(); ++it)
      ++n;
    return n;
  }
  /// The old name of `count()`, kept for one release.
  [[deprecated("use entry_range::count()")]] constexpr std::size_t size() const noexcept {
    return count();
  }
  /// The first matching entry, or nullptr.
  constexpr const entry* front() const noexcept {
    auto it = begin();
    return it == end() ? nullptr : &*it;
  }

 private:
  const entry* entries_ = nullptr;
  const std::uint16_t* first_ = nullptr;
  const std::uint16_t* last_ = nullptr;
  int status_ = 0;
};

/// A generated error table: entries in documented order plus the perfect-hash index the
/// generator built over their codes. Every member function is constexpr, noexcept and
/// allocation-free, so lookups work inside `static_assert`. Catalogs are created only by
/// generated code (`errcat::iam::catalog`); the data members are public so that code can
/// be a constant initializer, not so users fill them in.
struct catalog {
  std::string_view service;        ///< Short name (`iam`): the error category's name.
  std::string_view cpp_namespace;  ///< C++ namespace of the generated code (`errcat::iam`).
  std::string_view title;          ///< What the table is.
  std::string_view source;         ///< The document the table comes from.
  /// Base of the RFC 9457 problem `type` URI of this catalog's errors (an absolute URI; a
  /// problem's type is this base followed by the code). Empty: writers build a default
  /// `tag:` URI from the service name.
  std::string_view type_base;
  /// The google.rpc `ErrorInfo.domain` of this catalog's errors (`iam.example.com`).
  /// Empty: writers use `service`.
  std::string_view domain;
  std::span<const entry> entries;          ///< Every entry, in documented order.
  std::span<const code_alias> aliases;     ///< Accepted alternative code prefixes.
  std::span<const code_key> keys;          ///< Distinct codes; the perfect hash maps onto these.
  std::span<const std::uint16_t> by_code;  ///< Entry indices grouped by code.
  std::span<const std::uint16_t> by_errc_value;  ///< Entry indices sorted by `entry::errc_value`.
  std::uint64_t seed = 0;  ///< Multiplier (direct index) or seed (two-level) of the hash.
  /// Direct index only: what the code's length is multiplied by before it is mixed into the
  /// hash (`detail::direct_fold`): `detail::hash_k0` for a catalog whose codes of
  /// different lengths share their words, otherwise 0.
  std::uint64_t length_multiplier = 0;
  /// Per-bucket second-level seeds of a two-level index; empty for a direct index, which
  /// the generator builds whenever every code is at most 16 bytes and a seed is found.
  std::span<const std::uint32_t> displacements;
  /// Slot → the key that may be there; a power of two of them. In a direct index every
  /// slot points to a key (unused slots to the first, which the final comparison
  /// rejects), so a lookup never branches on emptiness; in a two-level index an empty
  /// slot is nullptr.
  std::span<const code_key* const> slots;
  std::size_t shortest_code = 0;  ///< Length of the shortest code, in bytes.
  std::size_t longest_code = 0;   ///< Length of the longest code, in bytes.

  /// Number of entries.
  constexpr std::size_t size() const noexcept { return entries.size(); }
  /// Entries in documented order.
  constexpr auto begin() const noexcept { return entries.begin(); }
  /// End of the entries.
  constexpr auto end() const noexcept { return entries.end(); }
  /// The `i`-th entry in documented order (unchecked).
  constexpr const entry& operator[](std::size_t i) const noexcept { return entries[i]; }

  /// The distinct code `code` names, or nullptr. Exact match: no trimming, no case
  /// folding. A code the catalog documents is found as itself; any other code that starts
  /// with an alias prefix is looked up with the canonical prefix instead. O(1), no
  /// allocation; at run time one call into the compiled library.
#if ERRCAT_HAS_IF_CONSTEVAL
#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wc++2b-extensions"
#elif defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wc++23-extensions"
#endif
#endif
  constexpr const code_key* find_key(std::string_view code) const noexcept {
#if ERRCAT_HAS_IF_CONSTEVAL
    // (clang-format 14 does not know `if consteval`.)
    // clang-format off
    if consteval { return find_key_inline(code); }
      // clang-format on
#else
    if (std::is_constant_evaluated()) return find_key_inline(code);
#endif
    return detail::find_key_at_run_time(*this, code);
  }
#if ERRCAT_HAS_IF_CONSTEVAL
#if defined(__clang__)
#pragma clang diagnostic pop
#elif defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
#endif

  /// The first entry documented with `code`, or nullptr when the catalog does not know it.
  /// O(1), no allocation; at run time one call into the compiled library.
  constexpr const entry* find(std::string_view code) const noexcept {
    const code_key* k = find_key(code);
    return k == nullptr ? nullptr : k->first_entry;
  }

  /// `find_key(code)` inlined into the caller. Worth it only where the compiler sees the
  /// catalog as a constant (a generated `find(code)`, a `constexpr` table): its sizes,
  /// seed and tables then fold into a few instructions. Through an `extern` catalog
  /// nothing folds and the caller only grows; use `find_key`.
  ERRCAT_ALWAYS_INLINE constexpr const code_key* find_key_inline(
      std::string_view code) const noexcept {
    const code_key* k = probe(code);
    if (k != nullptr || aliases.empty()) return k;
    return find_alias(code);
  }

  /// `find(code)` inlined into the caller: see `find_key_inline`.
  ERRCAT_ALWAYS_INLINE constexpr const entry* find_inline(std::string_view code) const noexcept {
    const code_key* k = find_key_inline(code);
    return k == nullptr ? nullptr : k->first_entry;
  }

  /// The first entry documented with `code` under `status`, or nullptr (also when the code
  /// is documented only under other statuses).
  constexpr const entry* find(int status, std::string_view code) const noexcept {
    return find_all(status, code).front();
  }

  /// Every entry documented with `code`, under any status, in documented order.
  constexpr entry_range find_all(std::string_view code) const noexcept {
    return find_all(0, code);
  }

  /// Every entry documented with `code` under `status` (0: any status).
  constexpr entry_range find_all(int status, std::string_view code) const noexcept {
    if (status < 0) return {};
    const code_key* k = find_key(code);
    if (k == nullptr) return {};
    return {entries.data(), by_code.data() + k->first, k->count, status};
  }

  /// The entry whose `errc` value is `value`, or nullptr. O(log n): a binary search over
  /// `by_errc_value`.
  constexpr const entry* find_errc_value(int value) const noexcept {
    std::size_t lo = 0;
    std::size_t hi = by_errc_value.size();
    while (lo < hi) {
      const std::size_t mid = lo + (hi - lo) / 2;
      const entry& e = entries[by_errc_value[mid]];
      if (e.errc_value == value) return &e;
      if (e.errc_value < value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return nullptr;
  }

  /// The old name of `find_errc_value()`, kept for one release.
  [[deprecated("use catalog::find_errc_value")]] constexpr const entry* find_value(
      int value) const noexcept {
    return find_errc_value(value);
  }

  /// The entry a received `(status, code, message)` belongs to, with the parameter values
  /// recovered from the message: `errcat::match(*this, status, code, message)`.
  match_result match(int status, std::string_view code, std::string_view message) const;

  /// The entry called `name` (its `errc` enumerator's name), or nullptr.
  constexpr const entry* find_name(std::string_view name) const noexcept {
    for (const entry& e : entries) {
      if (e.name == name) return &e;
    }
    return nullptr;
  }

 private:
  // One unsigned comparison rejects the empty string, a megabyte and anything else no
  // code is as long as.
  constexpr bool outside_code_sizes(std::size_t n) const noexcept {
    return n - shortest_code > longest_code - shortest_code || slots.empty();
  }

  // Inlined into every caller: for a generated catalog the sizes, the seed and the
  // table addresses are then constants (see detail::probe_direct).
  ERRCAT_ALWAYS_INLINE constexpr const code_key* probe_direct(
      std::string_view code) const noexcept {
    if (slots.empty()) return nullptr;
    return detail::probe_direct(slots.data(), seed, length_multiplier,
                                static_cast<unsigned>(std::countr_zero(slots.size())),
                                shortest_code, longest_code, code);
  }

  constexpr const code_key* probe_two_level(std::string_view code) const noexcept {
    if (outside_code_sizes(code.size())) return nullptr;
    const std::uint64_t h = detail::hash(code, seed);
    const std::size_t bucket = static_cast<std::size_t>(h >> 32) & (displacements.size() - 1);
    const std::size_t slot =
        static_cast<std::size_t>(detail::displace(h, displacements[bucket])) & (slots.size() - 1);
    const code_key* k = slots[slot];
    if (k == nullptr || !detail::same_key(k->code, code)) return nullptr;
    return k;
  }

  ERRCAT_ALWAYS_INLINE constexpr const code_key* probe(std::string_view code) const noexcept {
    if (displacements.empty()) return probe_direct(code);
    return probe_two_level(code);
  }

  // `code` with its alias prefix replaced by the canonical one, looked up; nullptr when no
  // alias applies.
  constexpr const code_key* find_alias(std::string_view code) const noexcept {
    if (code.size() > max_code_size + alias_growth_limit) return nullptr;
    for (const code_alias& a : aliases) {
      if (code.size() > a.prefix.size() && code.substr(0, a.prefix.size()) == a.prefix) {
        const std::size_t n = a.canonical.size() + code.size() - a.prefix.size();
        if (n > max_code_size) return nullptr;
        char buf[max_code_size] = {};
        std::size_t k = 0;
        for (char c : a.canonical)
          buf[k++] = c;
        for (char c : code.substr(a.prefix.size()))
          buf[k++] = c;
        return probe(std::string_view(buf, n));
      }
    }
    return nullptr;
  }
};

}  // namespace errcat
