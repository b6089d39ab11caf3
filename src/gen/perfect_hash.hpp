// Building the perfect hash over a catalog's distinct codes (a direct index, or a
// two-level table for long or many codes), with the same hash functions the lookup uses.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace errcat::gen {

struct perfect_hash {
  std::uint64_t seed = 0;
  std::vector<std::uint32_t> displacements;  // two-level: one per bucket, a power of two of
                                             // them; direct index: none
  std::vector<std::uint16_t> slots;          // a power of two; two-level: 0xffff marks an
                                             // empty slot; direct: every slot names a key
  bool wide = false;  // some key is longer than 8 bytes (see detail::code_words)
  // Direct index: what each key's length is multiplied by in the hash, detail::hash_k0
  // when two keys fold alike without it (as keys of different lengths with the same words
  // do), otherwise 0 (see detail::direct_fold).
  std::uint64_t length_multiplier = 0;
};

/// Finds a perfect hash that puts every key in its own slot, verified before it is
/// returned. When every key is at most 16 bytes it first looks for a direct index
/// (`detail::direct_slot`, one multiply and one table load per lookup, a second multiply
/// where the length must be mixed in) in tables of 2 to 16 slots per key, trying
/// `tries` * 1024 seeds for each size; otherwise, or when none is found, it builds a
/// two-level table (`detail::hash`, then a per-bucket displacement), trying `tries` seeds.
/// Returns nothing when both fail.
std::optional<perfect_hash> build_perfect_hash(const std::vector<std::string>& keys, int tries);

/// The slot `key` occupies in `ph`, computed exactly as `catalog::find_key` probes; for a
/// two-level table whose bucket is unplaced, whatever slot the probe would read.
std::size_t slot_of(const perfect_hash& ph, std::string_view key);

}  // namespace errcat::gen
