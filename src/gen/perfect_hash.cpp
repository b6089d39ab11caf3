#include "perfect_hash.hpp"

#include <algorithm>
#include <bit>
#include <numeric>

#include "errcat/detail/hash.hpp"

namespace errcat::gen {
namespace {

std::uint64_t splitmix(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

}  // namespace

std::optional<perfect_hash> build_perfect_hash(const std::vector<std::string>& keys, int tries) {
  const std::size_t n = keys.size();
  // Slots hold 16-bit key indices and 0xffff marks an empty one.
  if (n >= 0xffff) return std::nullopt;
  const std::size_t slot_count = std::bit_ceil(std::max<std::size_t>(n, 1));
  const std::size_t bucket_count = std::bit_ceil(std::max<std::size_t>(n / 2, 1));
  std::uint64_t rng = 0x6572726361746765ull;  // fixed: the same JSON gives the same header
  for (int attempt = 0; attempt < tries; ++attempt) {
    perfect_hash ph;
    ph.seed = splitmix(rng);
    std::vector<std::uint64_t> h(n);
    for (std::size_t i = 0; i < n; ++i)
      h[i] = detail::hash(keys[i], ph.seed);
    std::vector<std::vector<std::size_t>> buckets(bucket_count);
    for (std::size_t i = 0; i < n; ++i) {
      buckets[static_cast<std::size_t>(h[i] >> 32) & (bucket_count - 1)].push_back(i);
    }
    std::vector<std::size_t> order(bucket_count);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return buckets[a].size() > buckets[b].size();
    });
    ph.displacements.assign(bucket_count, 0);
    ph.slots.assign(slot_count, 0xffff);
    bool ok = true;
    std::vector<std::size_t> taken;
    for (const std::size_t b : order) {
      if (buckets[b].empty()) break;
      bool placed = false;
      // displace() is an XOR, so the displacements below the table size reach every
      // placement there is; a bucket that none fits needs another seed.
      for (std::uint32_t d = 0; d < slot_count && !placed; ++d) {
        taken.clear();
        bool fits = true;
        for (const std::size_t k : buckets[b]) {
          const auto s = static_cast<std::size_t>(detail::displace(h[k], d)) & (slot_count - 1);
          if (ph.slots[s] != 0xffff || std::find(taken.begin(), taken.end(), s) != taken.end()) {
            fits = false;
            break;
          }
          taken.push_back(s);
        }
        if (!fits) continue;
        for (std::size_t j = 0; j < taken.size(); ++j) {
          ph.slots[taken[j]] = static_cast<std::uint16_t>(buckets[b][j]);
        }
        ph.displacements[b] = d;
        placed = true;
      }
      if (!placed) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    // Verify exactly as the lookup probes.
    for (std::size_t i = 0; i < n && ok; ++i) {
      const std::uint64_t hv = detail::hash(keys[i], ph.seed);
      const std::size_t b = static_cast<std::size_t>(hv >> 32) & (bucket_count - 1);
      const std::size_t s =
          static_cast<std::size_t>(detail::displace(hv, ph.displacements[b])) & (slot_count - 1);
      ok = ph.slots[s] == i;
    }
    if (ok) return ph;
  }
  return std::nullopt;
}

}  // namespace errcat::gen
