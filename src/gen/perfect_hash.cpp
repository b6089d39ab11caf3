#include "perfect_hash.hpp"

#include <algorithm>
#include <bit>
#include <numeric>

#include "errcat/detail/hash.hpp"
#include "errcat/limits.hpp"

namespace errcat::gen {
namespace {

std::uint64_t splitmix(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

// What the keys' lengths must be multiplied by in the hash: 0 when the keys fold to
// distinct words without them, otherwise detail::hash_k0, which separates keys of
// different lengths with the same words (see detail::direct_fold). Keys of one length
// that fold alike are not separated by it either; no seed then works, and the caller
// falls back to the two-level table.
std::uint64_t choose_length_multiplier(const std::vector<std::string>& keys,
                                       const std::vector<detail::key_words>& words) {
  std::vector<std::uint64_t> folded(keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i)
    folded[i] = detail::direct_fold(words[i], keys[i].size(), 0);
  std::sort(folded.begin(), folded.end());
  const bool distinct = std::adjacent_find(folded.begin(), folded.end()) == folded.end();
  return distinct ? 0 : detail::hash_k0;
}

// A direct index: one multiply-shift over each key's folded words into 2^bits slots, tried
// with up to `budget` odd multipliers for each table size from about 2 to 16 slots per
// key. Small tables first, so the table stays within a few cache lines when it can. The
// length enters the hash only when the keys need it: the generated `find` then skips a
// multiply.
std::optional<perfect_hash> build_direct(const std::vector<std::string>& keys, bool wide,
                                         long budget) {
  const std::size_t n = keys.size();
  std::vector<detail::key_words> words(n);
  for (std::size_t i = 0; i < n; ++i)
    words[i] = detail::code_words(keys[i].data(), keys[i].size(), wide);
  const std::uint64_t length_multiplier = choose_length_multiplier(keys, words);
  const auto first_bits = static_cast<unsigned>(std::bit_width(n - 1) + 1);
  for (unsigned bits = first_bits; bits < first_bits + 4 && bits <= 16; ++bits) {
    const std::size_t size = std::size_t{1} << bits;
    // A slot is taken in this attempt when its stamp is the attempt's: a failed attempt
    // (most fail after a few dozen keys) then costs no clearing of the whole table.
    std::vector<long> stamp(size, -1);
    std::vector<std::uint16_t> owner(size, 0);
    std::uint64_t rng = 0x6469726563742121ull;  // fixed: the same JSON gives the same header
    for (long attempt = 0; attempt < budget; ++attempt) {
      const std::uint64_t seed = splitmix(rng) | 1;
      bool ok = true;
      for (std::size_t i = 0; i < n && ok; ++i) {
        const std::size_t s =
            detail::direct_slot(words[i], keys[i].size(), length_multiplier, seed, bits);
        ok = stamp[s] != attempt;
        stamp[s] = attempt;
        owner[s] = static_cast<std::uint16_t>(i);
      }
      if (!ok) continue;
      perfect_hash ph;
      ph.seed = seed;
      ph.wide = wide;
      ph.length_multiplier = length_multiplier;
      ph.slots.resize(size);
      for (std::size_t s = 0; s < size; ++s)
        ph.slots[s] = stamp[s] == attempt ? owner[s] : 0;
      return ph;
    }
  }
  return std::nullopt;
}

}  // namespace

std::size_t slot_of(const perfect_hash& ph, std::string_view key) {
  if (ph.displacements.empty()) {
    const auto bits = static_cast<unsigned>(std::countr_zero(ph.slots.size()));
    return detail::direct_slot(detail::code_words(key.data(), key.size(), ph.wide), key.size(),
                               ph.length_multiplier, ph.seed, bits);
  }
  const std::uint64_t h = detail::hash(key, ph.seed);
  const std::size_t bucket = static_cast<std::size_t>(h >> 32) & (ph.displacements.size() - 1);
  return static_cast<std::size_t>(detail::displace(h, ph.displacements[bucket])) &
         (ph.slots.size() - 1);
}

namespace {

// Places bucket `members` (keys with hashes `h`) at the first displacement under which all
// its keys land in free slots; returns false when none does.
bool place_bucket(const std::vector<std::size_t>& members, const std::vector<std::uint64_t>& h,
                  perfect_hash& ph, std::uint32_t& displacement) {
  const std::size_t slot_count = ph.slots.size();
  std::vector<std::size_t> taken;
  // displace() is an XOR, so the displacements below the table size reach every
  // placement there is; a bucket that none fits needs another seed.
  for (std::uint32_t d = 0; d < slot_count; ++d) {
    taken.clear();
    bool fits = true;
    for (const std::size_t k : members) {
      const auto s = static_cast<std::size_t>(detail::displace(h[k], d)) & (slot_count - 1);
      fits = ph.slots[s] == empty_slot && std::find(taken.begin(), taken.end(), s) == taken.end();
      if (!fits) break;
      taken.push_back(s);
    }
    if (!fits) continue;
    for (std::size_t j = 0; j < taken.size(); ++j)
      ph.slots[taken[j]] = static_cast<std::uint16_t>(members[j]);
    displacement = d;
    return true;
  }
  return false;
}

// One attempt at a two-level table with `seed`: buckets by the high half of each key's
// hash, placed largest first.
std::optional<perfect_hash> build_two_level(const std::vector<std::string>& keys,
                                            std::uint64_t seed, bool wide) {
  const std::size_t n = keys.size();
  const std::size_t bucket_count = std::bit_ceil(std::max<std::size_t>(n / 2, 1));
  perfect_hash ph;
  ph.wide = wide;
  ph.seed = seed;
  std::vector<std::uint64_t> h(n);
  std::vector<std::vector<std::size_t>> buckets(bucket_count);
  for (std::size_t i = 0; i < n; ++i) {
    h[i] = detail::hash(keys[i], seed);
    buckets[static_cast<std::size_t>(h[i] >> 32) & (bucket_count - 1)].push_back(i);
  }
  std::vector<std::size_t> order(bucket_count);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return buckets[a].size() > buckets[b].size();
  });
  ph.displacements.assign(bucket_count, 0);
  ph.slots.assign(std::bit_ceil(std::max<std::size_t>(n, 1)), empty_slot);
  for (const std::size_t b : order) {
    if (buckets[b].empty()) break;
    if (!place_bucket(buckets[b], h, ph, ph.displacements[b])) return std::nullopt;
  }
  return ph;
}

// Verifies exactly as the lookup probes: each key in its own slot, naming it.
bool verified(const perfect_hash& ph, const std::vector<std::string>& keys) {
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (ph.slots[slot_of(ph, keys[i])] != i) return false;
  }
  return true;
}

}  // namespace

std::optional<perfect_hash> build_perfect_hash(const std::vector<std::string>& keys, int tries) {
  const std::size_t n = keys.size();
  // Slots hold 16-bit key indices and empty_slot marks an empty one.
  if (n > max_entries) return std::nullopt;
  const auto longer_than = [](std::size_t size) {
    return [size](const std::string& k) { return k.size() > size; };
  };
  const bool all_short =
      std::none_of(keys.begin(), keys.end(), longer_than(direct_index_max_code_size));
  const bool wide = std::any_of(keys.begin(), keys.end(), longer_than(8));
  if (n > 0 && all_short && tries > 0) {
    auto direct = build_direct(keys, wide, 1024L * tries);
    if (direct && verified(*direct, keys)) return direct;
  }
  std::uint64_t rng = 0x6572726361746765ull;  // fixed: the same JSON gives the same header
  for (int attempt = 0; attempt < tries; ++attempt) {
    auto ph = build_two_level(keys, splitmix(rng), wide);
    if (ph && verified(*ph, keys)) return ph;
  }
  return std::nullopt;
}

}  // namespace errcat::gen
