// The hash behind the generated perfect-hash tables. The generator (src/gen) and the
// lookup code include this same header, so the slots it computes at generation time are
// exactly the slots the lookup probes at run time and at compile time.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>

namespace errcat::detail {

__extension__ using uint128 = unsigned __int128;

inline constexpr std::uint64_t hash_k0 = 0xa0761d6478bd642full;
inline constexpr std::uint64_t hash_k1 = 0xe7037ed1a0b428dbull;
inline constexpr std::uint64_t hash_k2 = 0x8ebc6af09c88c6e3ull;

// 128-bit multiply folded to 64 bits: one instruction pair on x86-64 and good diffusion
// (the wyhash construction), which keeps a whole lookup to a handful of cycles.
constexpr std::uint64_t fold_mul(std::uint64_t a, std::uint64_t b) noexcept {
  const uint128 r = static_cast<uint128>(a) * b;
  return static_cast<std::uint64_t>(r) ^ static_cast<std::uint64_t>(r >> 64);
}

// GCC 12 at -O2 inlines a lookup of a short literal (`find("IAM")`) and then warns about
// the 8-byte load on a path that the code-size check before it has already ruled out.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Warray-bounds"
#pragma GCC diagnostic ignored "-Wstringop-overread"
#endif
// Little-endian loads that stay usable in constant evaluation; at run time they compile
// to a single unaligned load.
constexpr std::uint64_t load_le(const char* p, std::size_t n) noexcept {
  if (!std::is_constant_evaluated() && n == 8) {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
  }
  if (!std::is_constant_evaluated() && n == 4) {
    std::uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
  }
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < n; ++i) {
    v |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
  }
  return v;
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

/// The two words that stand for a key of at most 16 bytes: overlapping loads from both
/// ends, which together cover every byte. Error codes are short, so a lookup hashes and
/// compares these words and nothing else: no loop, no call to memcmp.
struct key_words {
  std::uint64_t a = 0;  ///< The first bytes.
  std::uint64_t b = 0;  ///< The last bytes (overlapping `a` when the key is short).
};

/// The words of `key`, which must be at most 16 bytes long.
constexpr key_words short_words(const char* p, std::size_t n) noexcept {
  if (n >= 8) return {load_le(p, 8), load_le(p + n - 8, 8)};
  if (n >= 4) return {load_le(p, 4), load_le(p + n - 4, 4)};
  if (n == 0) return {};
  return {(static_cast<std::uint64_t>(static_cast<unsigned char>(p[0])) << 16) |
              (static_cast<std::uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8) |
              static_cast<std::uint64_t>(static_cast<unsigned char>(p[n - 1])),
          0};
}

/// Hashes `key` with `seed`. Every byte takes part, and the length. A key of up to 16
/// bytes costs one 64x64->128 multiply: the perfect hash only has to separate the
/// catalog's own codes (the generator verifies it does), and an unknown code is rejected
/// by the final comparison whatever slot it lands in, so one good mix is enough.
constexpr std::uint64_t hash(std::string_view key, std::uint64_t seed) noexcept {
  const char* p = key.data();
  std::size_t n = key.size();
  if (n <= 16) {
    const key_words w = short_words(p, n);
    return fold_mul(w.a ^ seed ^ hash_k0, w.b ^ hash_k1 ^ (static_cast<std::uint64_t>(n) << 56));
  }
  std::uint64_t h = seed ^ hash_k0;
  while (n > 16) {
    h = fold_mul(load_le(p, 8) ^ hash_k1, load_le(p + 8, 8) ^ h);
    p += 16;
    n -= 16;
  }
  const std::uint64_t a = load_le(p + n - 16, 8);
  const std::uint64_t b = load_le(p + n - 8, 8);
  return fold_mul(hash_k1 ^ key.size(), fold_mul(a ^ hash_k1, b ^ h) ^ hash_k2);
}

/// The words a direct-index lookup hashes and compares for a code of at most 16 bytes.
/// `wide` is true for catalogs with a code longer than 8 bytes: a code of 8 to 16 bytes
/// is then its first and its last 8 bytes (`a`, `b`, overlapping when shorter than 16);
/// otherwise, and for shorter codes, `a` holds the first and the last 4 bytes (or, below 4
/// bytes, the first, middle and last byte) and `b` is 0. The loads overlap instead of
/// being shifted into place, so no shift depends on the length; they cover every byte, so
/// two codes of the same length are equal exactly when their words are.
constexpr key_words code_words(const char* p, std::size_t n, bool wide) noexcept {
  if (wide && n >= 8) return {load_le(p, 8), load_le(p + n - 8, 8)};
  if (n >= 4) return {load_le(p, 4) | (load_le(p + n - 4, 4) << 32), 0};
  if (n == 0) return {};
  return {static_cast<std::uint64_t>(static_cast<unsigned char>(p[0])) |
              (static_cast<std::uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8) |
              (static_cast<std::uint64_t>(static_cast<unsigned char>(p[n - 1])) << 16),
          0};
}

/// code_words() of a code whose length is known to be in [`lo`, `hi`] (`hi` <= 16), for
/// a catalog whose codes have those lengths (`wide` is `hi > 8`). Generated catalogs pass
/// their own shortest and longest code; once the lookup is inlined those are constants,
/// the branches on them fold away, and for codes of 4 to 8 bytes, or of 8 to 16, what
/// remains has no branch on the input (a shuffled mix of 4- and 8-byte codes would
/// otherwise mispredict).
constexpr key_words code_words_within(const char* p, std::size_t n, std::size_t lo,
                                      std::size_t hi) noexcept {
  if (!std::is_constant_evaluated()) {
    if (lo >= 4 && hi <= 8) return {load_le(p, 4) | (load_le(p + n - 4, 4) << 32), 0};
    if (lo >= 8 && hi > 8) return {load_le(p, 8), load_le(p + n - 8, 8)};
  }
  return code_words(p, n, hi > 8);
}

/// The one word a direct index hashes for a key (its code_words() and length `n`). The
/// fold only has to tell the catalog's own codes apart (the generator checks it does, and
/// falls back to the two-level table when it cannot), so it is a rotate and an XOR; an
/// unknown code folds to anything and fails the final comparison.
///
/// The length enters multiplied by `length_multiplier`, which is `hash_k0` or 0. The
/// multiples of `hash_k0` for lengths 0 to 16 differ pairwise in the top bit of some
/// byte: words of printable codes never do, so with it, in a catalog of printable codes
/// of at most 8 bytes, every code folds to a word of its own. With 0, codes of one length
/// still do (their words cover every byte), so the generator uses `hash_k0` only for
/// catalogs where codes of different lengths share their words ("1" and "11", "10000" and
/// "100000"). For every other catalog the generated `find` passes the constant 0, and its
/// multiply and XOR fold away (tests/bench/README.md); a lookup that reads the multiplier
/// from the catalog does the multiply either way, which costs no branch.
constexpr std::uint64_t direct_fold(key_words w, std::size_t n,
                                    std::uint64_t length_multiplier) noexcept {
  return w.a ^ ((w.b << 29) | (w.b >> 35)) ^ (static_cast<std::uint64_t>(n) * length_multiplier);
}

/// The slot of a key in a direct-index table of 2^`bits` slots (`bits` in [1, 63]):
/// multiply-shift hashing of its direct_fold() by the odd multiplier `seed`.
constexpr std::size_t direct_slot(key_words w, std::size_t n, std::uint64_t length_multiplier,
                                  std::uint64_t seed, unsigned bits) noexcept {
  return static_cast<std::size_t>((direct_fold(w, n, length_multiplier) * seed) >> (64 - bits));
}

/// Second level: the slot (before masking) of a key with hash `h` in a bucket whose
/// displacement is `displacement`. An XOR: the bucket is chosen by the high half of `h`
/// and the slot by the low bits, which are independent, and XOR reaches every slot of a
/// power-of-two table, so displacements below the table size are all the generator tries.
constexpr std::uint64_t displace(std::uint64_t h, std::uint32_t displacement) noexcept {
  return h ^ displacement;
}

/// True when `a` and `b` are the same bytes. Keys of up to 16 bytes are compared as the
/// words the hash loaded (the compiler shares the loads of the probed code).
constexpr bool same_key(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  const std::size_t n = a.size();
  if (std::is_constant_evaluated() || n > 16) return a == b;
  const key_words x = short_words(a.data(), n);
  const key_words y = short_words(b.data(), n);
  return ((x.a ^ y.a) | (x.b ^ y.b)) == 0;
}

}  // namespace errcat::detail
