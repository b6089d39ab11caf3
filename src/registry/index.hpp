// What the registry's index generator (errcat-registry-gen, at build time) and its lookup
// (src/registry.cpp) share beyond the public header's slot layout: how a code becomes the
// words a slot holds and the hash that picks the slot, so the slots computed at build time
// are the slots probed at run time. Internal: not installed.
//
// A code of 1 to 24 bytes (nearly every bundled code) is probed without folding it: it is
// read as up to three words (short_word, or the first, last and middle 8 bytes), the hash
// reads them with bit 5 of every byte set (so it is the same for any letter case), and the
// slot's case bits make the comparison exact. Longer codes are folded byte by byte first.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "errcat/detail/hash.hpp"
#include "errcat/registry.hpp"

namespace errcat::registry_detail {

/// Codes of at most `word_max_size` bytes are probed as words: from two_word_min_size to
/// two_word_max_size bytes (registry.hpp) as two, longer ones as three (and the middle 8).
inline constexpr std::size_t word_max_size = 24;
/// `c` case-folded: ASCII `A`-`Z` to `a`-`z`, every other byte (UTF-8 included) unchanged.
constexpr char fold_char(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

/// The word that stands for a code of 1 to 7 bytes: overlapping 4-byte loads from both
/// ends, or below 4 bytes its first, middle and last byte; every byte either way.
constexpr std::uint64_t short_word(const char* p, std::size_t n) noexcept {
  if (n >= 4) return detail::load_le(p, 4) | (detail::load_le(p + n - 4, 4) << 32);
  return static_cast<unsigned char>(p[0]) |
         (static_cast<std::uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8) |
         (static_cast<std::uint64_t>(static_cast<unsigned char>(p[n - 1])) << 16);
}

/// The 8 bytes in the middle of a code of 17 to 24 bytes, which the first and last 8 do
/// not cover.
constexpr std::uint64_t middle_word(const char* p, std::size_t n) noexcept {
  return detail::load_le(p + n / 2 - 4, 8);
}

/// The hash of a code of 17 to 24 bytes: word_hash of its first and last words plus its
/// middle word times an odd constant, which keeps codes that differ only there apart.
constexpr std::uint64_t middle_hash(std::uint64_t h, std::uint64_t c) noexcept {
  return h + (c | case_bits) * detail::hash_k2;
}

/// A code of 1 to 24 bytes as the words a slot compares (`b`, `c` 0 where unused).
struct code_words {
  std::uint64_t a = 0;
  std::uint64_t b = 0;
  std::uint64_t c = 0;
};
constexpr code_words words_of(const char* p, std::size_t n) noexcept {
  if (n < two_word_min_size) return {short_word(p, n), 0, 0};
  const std::uint64_t a = detail::load_le(p, 8);
  const std::uint64_t b = detail::load_le(p + n - 8, 8);
  return {a, b, n > two_word_max_size ? middle_word(p, n) : 0};
}

/// The hash of a folded code of any length up to 64 bytes, as the generator places it and
/// the lookup probes it: word_hash (and middle_hash) of its words, or detail::hash of every
/// byte for codes longer than 24 bytes.
constexpr std::uint64_t folded_hash(std::string_view folded, std::uint64_t seed) noexcept {
  const std::size_t n = folded.size();
  if (n > word_max_size) return detail::hash(folded, seed);
  const code_words w = words_of(folded.data(), n);
  const std::uint64_t h = word_hash(w.a, w.b, n, seed);
  return n > two_word_max_size ? middle_hash(h, w.c) : h;
}

/// 0x20 in every byte of `folded` (a word of a case-folded code) that is a letter `a`-`z`:
/// where the input may have either case.
constexpr std::uint64_t letter_bits(std::uint64_t folded) noexcept {
  std::uint64_t bits = 0;
  for (int i = 0; i < 8; ++i) {
    const auto c = static_cast<unsigned char>(folded >> (8 * i));
    if (c >= 'a' && c <= 'z') bits |= std::uint64_t{0x20} << (8 * i);
  }
  return bits;
}

}  // namespace errcat::registry_detail
