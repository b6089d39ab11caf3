// The layout and hash of the registry's index over every bundled code, shared by the
// generator that builds it (errcat-registry-gen, at build time) and the lookup that probes
// it (src/registry.cpp), so the slots computed at build time are the slots probed at run
// time. Internal: not installed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "errcat/detail/hash.hpp"
#include "errcat/registry.hpp"

namespace errcat::registry_detail {

/// One slot of the index: a case-folded code (its first and last 8 bytes, or all of it)
/// and where the entries that document it are in `records`. An empty slot has size 0,
/// which no probed code has.
struct index_slot {
  std::uint64_t a = 0;      ///< detail::short_words(folded code).a
  std::uint64_t b = 0;      ///< detail::short_words(folded code).b
  std::uint32_t first = 0;  ///< Index of the code's first record.
  std::uint16_t count = 0;  ///< Number of records (entries documenting the code).
  index_record head;        ///< The first record itself, so the first match needs no load.
  std::uint8_t size = 0;    ///< Length of the code in bytes (codes are at most 64).
};

/// A bundled catalog's alias prefix, case-folded (`apigw.` → `apig.`).
struct index_alias {
  std::string_view prefix;
  std::string_view canonical;
  std::uint16_t catalog = 0;
};

/// ASCII `A`-`Z` to `a`-`z` in all 8 bytes at once; every other byte (UTF-8 included)
/// unchanged. Adding to the low 7 bits cannot carry into the next byte.
constexpr std::uint64_t fold_word(std::uint64_t x) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ull;
  const std::uint64_t low7 = x & (0x7f * ones);
  const std::uint64_t at_least_a = low7 + (0x80 - 'A') * ones;
  const std::uint64_t above_z = low7 + (0x80 - 'Z' - 1) * ones;
  const std::uint64_t upper = at_least_a & ~above_z & ~x & (0x80 * ones);
  return x | (upper >> 2);
}

/// `c` case-folded the way fold_word folds each byte.
constexpr char fold_char(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

/// The folded words of a code of at most 16 bytes (detail::short_words, folded).
constexpr detail::key_words folded_words(const char* p, std::size_t n) noexcept {
  const detail::key_words w = detail::short_words(p, n);
  return {fold_word(w.a), fold_word(w.b)};
}

/// The hash of a folded code of at most 16 bytes from its folded words: detail::hash's
/// short-key mix, without reading the characters again.
constexpr std::uint64_t short_hash(detail::key_words w, std::size_t n,
                                   std::uint64_t seed) noexcept {
  return detail::fold_mul(w.a ^ seed ^ detail::hash_k0,
                          w.b ^ detail::hash_k1 ^ (static_cast<std::uint64_t>(n) << 56));
}

/// The slot of hash `h` in a two-level table of `buckets` displacements and `slots` slots
/// (both powers of two).
constexpr std::size_t slot_of(std::uint64_t h, const std::uint16_t* displacements,
                              std::size_t buckets, std::size_t slots) noexcept {
  const std::size_t bucket = static_cast<std::size_t>(h >> 32) & (buckets - 1);
  return static_cast<std::size_t>(h ^ displacements[bucket]) & (slots - 1);
}

}  // namespace errcat::registry_detail
