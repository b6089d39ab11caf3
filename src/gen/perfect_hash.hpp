// Building the two-level perfect hash (hash, then displace per bucket) over a catalog's
// distinct codes, with the same hash functions the lookup uses.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace errcat::gen {

struct perfect_hash {
  std::uint64_t seed = 0;
  std::vector<std::uint32_t> displacements;  // one per bucket; a power of two of them
  std::vector<std::uint16_t> slots;          // a power of two; 0xffff marks an empty slot
};

/// Finds a seed and displacements that put every key in its own slot, trying `tries`
/// seeds. Returns nothing when none works. The result is verified before it is returned.
std::optional<perfect_hash> build_perfect_hash(const std::vector<std::string>& keys, int tries);

}  // namespace errcat::gen
