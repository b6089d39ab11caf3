// The registry: every catalog this errcat build bundles, and lookups across all of them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <span>
#include <string_view>

#include "errcat/catalog.hpp"
#include "errcat/detail/hash.hpp"
#include "errcat/entry.hpp"

namespace errcat {

/// A catalog bundled with errcat and the name the registry knows it by.
struct bundled_catalog {
  /// Unique within the registry: the catalog namespace's last component (`iam`, `apigw`,
  /// `ecs`), or, when an earlier catalog already has that name, the namespace below
  /// `errcat::` with dots (`otc.iam` for `errcat::otc::iam`).
  std::string_view name;
  const errcat::catalog* catalog = nullptr;  ///< The catalog (never null).
};

/// One entry that documents a looked-up code, with the catalog it belongs to.
struct bundled_match {
  const bundled_catalog* source = nullptr;  ///< The catalog, as the registry lists it.
  const errcat::entry* entry = nullptr;     ///< The documented entry.
};

namespace registry_detail {
/// An entry that documents a code: the catalog's position in bundled_catalogs() and the
/// entry's position in that catalog's documented order.
struct index_record {
  std::uint16_t catalog = 0;
  std::uint16_t entry = 0;
};

/// The most bytes of a code the inline lookup reads; longer codes take find_long.
inline constexpr std::size_t inline_code_size = 24;

/// A case-folded code as the index compares it: its first and last 8 bytes
/// (detail::short_words) and, for codes of 17 to 24 bytes, the 8 in the middle, which
/// together are every byte of a code of at most 24 bytes.
struct folded_key {
  std::uint64_t a = 0;
  std::uint64_t b = 0;
  std::uint64_t c = 0;  ///< 0 for codes of at most 16 bytes.
};

/// One slot of the registry's index: a case-folded code and the entries that document it.
/// An empty slot has size 0, which no probed code has.
struct index_slot {
  std::uint64_t a = 0;      ///< folded_key::a
  std::uint64_t b = 0;      ///< folded_key::b
  std::uint64_t c = 0;      ///< folded_key::c
  std::uint32_t first = 0;  ///< Index of the code's first record in `index_tables::records`.
  std::uint16_t count = 0;  ///< Number of records (entries documenting the code).
  index_record head;        ///< The first record itself, so the first match needs no load.
  std::uint8_t size = 0;    ///< Length of the code in bytes (codes are at most 64).
};

/// The registry's tables, generated at build time for the bundled catalogs (registry.cpp).
struct index_tables {
  const bundled_catalog* catalogs = nullptr;
  std::size_t catalog_count = 0;
  const index_record* records = nullptr;
  const std::uint16_t* displacements = nullptr;  ///< Per bucket; a power of two of them.
  const index_slot* slots = nullptr;             ///< A power of two of them.
  std::uint64_t seed = 0;
  std::size_t bucket_mask = 0;
  std::size_t slot_mask = 0;
};
extern const index_tables tables;

/// ASCII `A`-`Z` to `a`-`z` in all 8 bytes at once; every other byte (UTF-8 included)
/// unchanged. Adding to the low 7 bits of each byte cannot carry into the next byte.
constexpr std::uint64_t fold_word(std::uint64_t x) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ull;
  const std::uint64_t low7 = x & (0x7f * ones);
  const std::uint64_t at_least_a = low7 + (0x80 - 'A') * ones;
  const std::uint64_t above_z = low7 + (0x80 - 'Z' - 1) * ones;
  const std::uint64_t upper = at_least_a & ~above_z & ~x & (0x80 * ones);
  return x | (upper >> 2);
}

/// The folded key of a code of 1 to 24 bytes (any case in, lower case out).
constexpr folded_key fold_key(const char* p, std::size_t n) noexcept {
  const detail::key_words w = detail::short_words(p, n);
  const std::uint64_t middle = n > 16 ? detail::load_le(p + n / 2 - 4, 8) : 0;
  return {fold_word(w.a), fold_word(w.b), fold_word(middle)};
}

/// The hash of a folded key of a code of `n` bytes: detail::hash's short-key mix of the
/// first and last words, and for codes longer than 16 bytes a second multiply for the
/// middle one.
constexpr std::uint64_t key_hash(folded_key k, std::size_t n, std::uint64_t seed) noexcept {
  const std::uint64_t h = detail::fold_mul(
      k.a ^ seed ^ detail::hash_k0, k.b ^ detail::hash_k1 ^ (static_cast<std::uint64_t>(n) << 56));
  return n > 16 ? h ^ detail::fold_mul(k.c ^ detail::hash_k2, seed ^ detail::hash_k1) : h;
}

/// The slot hash `h` lands in: bucket by the high half, displaced slot by the low bits.
inline const index_slot& slot_of(std::uint64_t h) noexcept {
  const std::size_t bucket = static_cast<std::size_t>(h >> 32) & tables.bucket_mask;
  return tables
      .slots[static_cast<std::size_t>(h ^ tables.displacements[bucket]) & tables.slot_mask];
}

/// What a bundled_range and its iterators share: the records of one code and the filter.
struct range_state {
  index_record head;  ///< `records[0]`, held here so the first match costs no load.
  std::uint16_t count = 0;
  int status = 0;  ///< 0: any status.
  const index_record* records = nullptr;

  bundled_match at(std::size_t pos) const noexcept {
    const index_record r = pos == 0 ? head : records[pos];
    const bundled_catalog& c = tables.catalogs[r.catalog];
    return {&c, c.catalog->entries.data() + r.entry};
  }
  bool keeps(std::size_t pos) const noexcept {
    return status == 0 || at(pos).entry->status == status;
  }
  std::size_t next(std::size_t pos) const noexcept {
    while (pos < count && !keeps(pos))
      ++pos;
    return pos;
  }
};

/// find_bundled for codes of 25 to 64 bytes (folded into a buffer, hashed whole, compared
/// whole), and for the empty code and longer ones (nothing): out of line, as they are rare.
range_state find_long(int status, std::string_view code) noexcept;
}  // namespace registry_detail

/// The entries across all bundled catalogs that document a code, in the registry's default
/// order (catalog by catalog, then documented order). A small forward range of
/// `bundled_match` values over static tables: no allocation, and iterators stay valid
/// after the range is gone.
class bundled_range {
 public:
  /// Iterates the matches.
  class iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = bundled_match;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = bundled_match;

    iterator() noexcept = default;
    /// The first match at or after `pos`.
    iterator(const registry_detail::range_state& state, std::size_t pos) noexcept
        : state_(state), pos_(state.next(pos)) {}
    /// The current match.
    bundled_match operator*() const noexcept { return state_.at(pos_); }
    iterator& operator++() noexcept {
      pos_ = state_.next(pos_ + 1);
      return *this;
    }
    iterator operator++(int) noexcept {
      iterator old = *this;
      ++*this;
      return old;
    }
    friend bool operator==(const iterator& a, const iterator& b) noexcept {
      return a.pos_ == b.pos_;
    }

   private:
    registry_detail::range_state state_;
    std::size_t pos_ = 0;
  };

  bundled_range() noexcept = default;
  /// Made by the registry's lookups (find_bundled).
  explicit bundled_range(const registry_detail::range_state& state) noexcept : state_(state) {}

  /// First match.
  iterator begin() const noexcept { return {state_, 0}; }
  /// Past the last match.
  iterator end() const noexcept { return {state_, state_.count}; }
  /// True when nothing matched.
  bool empty() const noexcept { return state_.next(0) == state_.count; }
  /// Number of matches: O(entries documenting the code).
  std::size_t size() const noexcept {
    std::size_t n = 0;
    for (auto it = begin(); it != end(); ++it)
      ++n;
    return n;
  }
  /// The first match, or `{nullptr, nullptr}` when there is none.
  bundled_match front() const noexcept {
    const std::size_t pos = state_.next(0);
    return pos == state_.count ? bundled_match{} : state_.at(pos);
  }

 private:
  registry_detail::range_state state_;
};

/// Every catalog this build bundles, in the registry's default order: Huawei Cloud's `iam`
/// (the default for IAM codes), `apigw`, then, when errcat is built with its otc component,
/// every Open Telekom Cloud service in alphabetical order of its name (`apig`, `as`, …,
/// `otc.iam`, …). The list is generated by CMake from the catalogs it builds. O(1).
std::span<const bundled_catalog> bundled_catalogs() noexcept;

/// The bundled catalog called `name` (`ecs`, `otc.iam`), or nullptr. A name that is not a
/// catalog's own but the last component of exactly one catalog's namespace is accepted too.
/// O(bundled catalogs).
const bundled_catalog* find_bundled_catalog(std::string_view name) noexcept;

/// The bundled catalog `e` belongs to, or nullptr when `e` is no bundled catalog's entry
/// (a catalog of the user's own). O(bundled catalogs).
const bundled_catalog* bundled_catalog_of(const entry& e) noexcept;

/// Every bundled entry documented with `code` under `status` (0: any status), in any
/// catalog. The code's letters match in any case (`Ecs.0114`, `ECS.0114`, `ecs.0114`), and a
/// catalog's alias prefixes are accepted (`APIGW.0301` finds `apigw`'s `APIG.0301`, and only
/// that catalog's). When several services document the code, every one of their entries is
/// returned. O(1) in the number of bundled codes: one probe of a perfect hash built at build
/// time over every code, case-folded, and every alias spelling; inline for codes of at most
/// 24 bytes. No allocation; empty for an empty code
/// and for codes longer than `max_code_size`.
inline bundled_range find_bundled(int status, std::string_view code) noexcept {
  namespace rd = registry_detail;
  const std::size_t n = code.size();
  if (n - 1 >= rd::inline_code_size) return bundled_range(rd::find_long(status, code));
  const rd::folded_key k = rd::fold_key(code.data(), n);
  const rd::index_slot& s = rd::slot_of(rd::key_hash(k, n, rd::tables.seed));
  const bool hit = (s.size == n) & (s.a == k.a) & (s.b == k.b) & (s.c == k.c);
  return bundled_range(rd::range_state{s.head, static_cast<std::uint16_t>(hit ? s.count : 0),
                                       status, rd::tables.records + s.first});
}

/// Every bundled entry documented with `code`, under any status: `find_bundled(0, code)`.
inline bundled_range find_bundled(std::string_view code) noexcept {
  return find_bundled(0, code);
}

}  // namespace errcat
