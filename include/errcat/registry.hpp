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

/// One slot of the registry's index (a perfect hash over every bundled code, case-folded,
/// and every alias spelling, built at build time): a code and the entries that document
/// it, with what a lookup needs to answer kept in the slot itself, one cache line. An empty
/// slot has size 0, which no probed code has.
struct alignas(64) index_slot {
  /// The case-folded code as words: for a code of 8 to 24 bytes its first, last and (above
  /// 16 bytes) middle 8 bytes, overlapping as needed; for a shorter one `a` holds every
  /// byte. A longer code has its first and last 8 bytes here and `c` is where its whole
  /// text is. Unused words are 0.
  std::uint64_t a = 0;
  std::uint64_t b = 0;
  std::uint64_t c = 0;
  /// 0x20 in each byte of `a` that is a letter: a probed word `w` matches when
  /// `(w | case_a) == a`, which accepts either case of a letter and only that.
  std::uint64_t case_a = 0;
  std::uint64_t case_b = 0;              ///< As case_a, for `b`.
  std::uint64_t case_c = 0;              ///< As case_a, for `c`.
  const errcat::entry* entry = nullptr;  ///< The first entry documenting the code.
  std::uint16_t catalog = 0;  ///< The first entry's catalog, a position in bundled_catalogs().
  std::uint16_t first = 0;    ///< Index of the code's first record in `records`.
  std::uint16_t count = 0;    ///< Number of records (entries documenting the code).
  std::uint8_t size = 0;      ///< Length of the code in bytes (codes are at most 64).
};

/// The bundled catalogs, in registry order (bundled_catalogs()); defined in registry.cpp.
extern const bundled_catalog catalogs[];
/// Every code's records, code by code; a code's first record repeats its slot's entry.
extern const index_record records[];

/// The index's table and the constants of its hash, generated at build time.
struct index_tables {
  const index_slot* slots = nullptr;             ///< A power of two of them.
  const std::uint16_t* displacements = nullptr;  ///< Per bucket; a power of two of them.
  std::uint64_t seed = 0;
  unsigned bucket_shift = 63;  ///< 64 - log2(number of buckets).
  std::size_t slot_mask = 0;   ///< Number of slots - 1.
};
extern const index_tables tables;

/// Codes of `two_word_min_size` to `two_word_max_size` bytes (88% of the bundled codes)
/// are probed inline as two words, their first and last 8 bytes, which overlap as needed.
inline constexpr std::size_t two_word_min_size = 8;
inline constexpr std::size_t two_word_max_size = 16;
/// Bit 5 of every byte: what tells an ASCII letter's two cases apart.
inline constexpr std::uint64_t case_bits = 0x2020202020202020ull;

/// The hash of a code of up to 24 bytes from its first two words in any letter case (`b`
/// is 0 below 8 bytes): the words with bit 5 of every byte set, mixed by one 64x64->128
/// multiply (the seed, which the generator draws, is the first word's key). The length
/// enters as a plain XOR: codes of different lengths are told apart by the slot's size,
/// and the generator checks that no two codes share a hash.
constexpr std::uint64_t word_hash(std::uint64_t a, std::uint64_t b, std::size_t n,
                                  std::uint64_t seed) noexcept {
  return detail::fold_mul((a | case_bits) ^ seed, (b | case_bits) ^ detail::hash_k1 ^ n);
}

/// The bucket of hash `h` (its top bits) and the slot it lands in given the bucket's
/// displacement (its low bits XOR the displacement, which reaches every slot of a
/// power-of-two table): the same functions place codes at build time.
constexpr std::size_t bucket_of(std::uint64_t h, unsigned bucket_shift) noexcept {
  return static_cast<std::size_t>(h >> bucket_shift);
}
constexpr std::size_t slot_of(std::uint64_t h, std::uint16_t displacement,
                              std::size_t slot_mask) noexcept {
  return static_cast<std::size_t>(h ^ displacement) & slot_mask;
}

/// The slot of codes of 1 to 7 and of 17 to 64 bytes (nullptr for none, and for the
/// empty code and longer ones): out of line, as they are rare.
const index_slot* probe_other(const char* code, std::size_t size) noexcept;

/// The slot of the bundled code `code` (any letter case, or an alias spelling), or nullptr.
/// A code of 8 to 16 bytes is read as two words and compared with the slot's, its letters
/// through the slot's case bits, without folding it first: the seed, the table and its
/// sizes are loaded from `tables`, which registry.cpp constant-initialises.
inline const index_slot* probe(const char* code, std::size_t size) noexcept {
  if (size - two_word_min_size > two_word_max_size - two_word_min_size)
    return probe_other(code, size);
  const std::uint64_t a = detail::load_le(code, 8);
  const std::uint64_t b = detail::load_le(code + size - 8, 8);
  const std::uint64_t h = word_hash(a, b, size, tables.seed);
  const index_slot& s = tables.slots[slot_of(
      h, tables.displacements[bucket_of(h, tables.bucket_shift)], tables.slot_mask)];
  const bool hit = ((a | s.case_a) == s.a) & ((b | s.case_b) == s.b) & (s.size == size);
  return hit ? &s : nullptr;
}

/// What a bundled_range and its iterators share: the code's slot (nullptr: no match) and
/// the status filter (0: any status).
struct range_state {
  const index_slot* slot = nullptr;
  int status = 0;

  std::size_t count() const noexcept { return slot == nullptr ? 0 : slot->count; }
  bundled_match at(std::size_t pos) const noexcept {
    if (pos == 0) return {&catalogs[slot->catalog], slot->entry};
    const index_record r = records[slot->first + pos];
    const bundled_catalog& c = catalogs[r.catalog];
    return {&c, c.catalog->entries.data() + r.entry};
  }
  bool keeps(std::size_t pos) const noexcept {
    return status == 0 || at(pos).entry->status == status;
  }
  std::size_t next(std::size_t pos) const noexcept {
    const std::size_t n = count();
    while (pos < n && !keeps(pos))
      ++pos;
    return pos;
  }
};
}  // namespace registry_detail

/// The entries across all bundled catalogs that document a code, in the registry's default
/// order (catalog by catalog, then documented order). A small forward range of
/// `bundled_match` values over static tables: no allocation, and iterators stay valid
/// after the range is gone.
class bundled_range {
 public:
  /// Iterates the matches. Its `*it` is a `bundled_match` value, so it is a C++20 forward
  /// iterator and, to `std::iterator_traits` (which deduces the rest), a C++17 input one.
  class iterator {
   public:
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
    using iterator_concept = std::forward_iterator_tag;
    using value_type = bundled_match;
    using difference_type = std::ptrdiff_t;

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
  iterator end() const noexcept { return {state_, state_.count()}; }
  /// True when nothing matched.
  bool empty() const noexcept { return state_.next(0) == state_.count(); }
  /// Number of matches: walks them, O(entries documenting the code); `count`, not `size`,
  /// because it is not O(1) (as `entry_range::count`).
  std::size_t count() const noexcept {
    std::size_t n = 0;
    for (auto it = begin(); it != end(); ++it)
      ++n;
    return n;
  }
  /// The old name of `count()`, kept for one release.
  [[deprecated("use bundled_range::count()")]] std::size_t size() const noexcept { return count(); }
  /// The first match, or `{nullptr, nullptr}` when there is none.
  bundled_match front() const noexcept {
    // Every code in the index has at least one record, so without a status filter the
    // slot's own entry answers.
    if (state_.slot != nullptr && state_.status == 0) return state_.at(0);
    const std::size_t pos = state_.next(0);
    return pos == state_.count() ? bundled_match{} : state_.at(pos);
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
/// time over every code, case-folded, and every alias spelling (registry_detail::probe): for
/// codes of up to 24 bytes a few word loads, one multiply, two table loads and a
/// comparison, without folding the code first. No allocation; empty for an empty code and for codes
/// longer than `max_code_size`.
inline bundled_range find_bundled(int status, std::string_view code) noexcept {
  return bundled_range({registry_detail::probe(code.data(), code.size()), status});
}

/// Every bundled entry documented with `code`, under any status: `find_bundled(0, code)`.
inline bundled_range find_bundled(std::string_view code) noexcept {
  return find_bundled(0, code);
}

}  // namespace errcat
