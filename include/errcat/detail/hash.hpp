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

/// Hashes `key` with `seed`. Every byte takes part, including the length.
constexpr std::uint64_t hash(std::string_view key, std::uint64_t seed) noexcept {
  const char* p = key.data();
  std::size_t n = key.size();
  std::uint64_t h = seed ^ hash_k0;
  std::uint64_t a = 0;
  std::uint64_t b = 0;
  if (n <= 16) {
    if (n >= 8) {
      a = load_le(p, 8);
      b = load_le(p + n - 8, 8);
    } else if (n >= 4) {
      a = load_le(p, 4);
      b = load_le(p + n - 4, 4);
    } else if (n > 0) {
      a = (static_cast<std::uint64_t>(static_cast<unsigned char>(p[0])) << 16) |
          (static_cast<std::uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8) |
          static_cast<std::uint64_t>(static_cast<unsigned char>(p[n - 1]));
    }
  } else {
    while (n > 16) {
      h = fold_mul(load_le(p, 8) ^ hash_k1, load_le(p + 8, 8) ^ h);
      p += 16;
      n -= 16;
    }
    a = load_le(p + n - 16, 8);
    b = load_le(p + n - 8, 8);
  }
  return fold_mul(hash_k1 ^ key.size(), fold_mul(a ^ hash_k1, b ^ h) ^ hash_k2);
}

/// Second-level mix: picks a slot from the key's hash and its bucket's displacement.
constexpr std::uint64_t displace(std::uint64_t h, std::uint32_t displacement) noexcept {
  return fold_mul(h ^ hash_k2, (static_cast<std::uint64_t>(displacement) << 1 | 1) ^ hash_k0);
}

}  // namespace errcat::detail
